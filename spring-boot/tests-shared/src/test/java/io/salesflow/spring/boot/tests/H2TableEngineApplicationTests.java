package io.salesflow.spring.boot.tests;

import org.springframework.test.context.TestPropertySource;

/** The application on H2 in memory with the default engine, the table engine. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:table-engine;DB_CLOSE_DELAY=-1")
class H2TableEngineApplicationTests extends StarterApplicationTests {
  @Override
  String expectedEngine() {
    return "table";
  }
}
