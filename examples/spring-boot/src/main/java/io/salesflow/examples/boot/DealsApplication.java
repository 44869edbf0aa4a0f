package io.salesflow.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on the Salesflow starter. It declares no Salesflow bean: the starter builds the engine
 * from {@code application.properties} (the catalog's processes, the JDBC store on the application's H2 database), and
 * {@link DealsController} is all the code there is.
 *
 * <p>Run it with {@code ./mvnw -B -pl examples/spring-boot -am spring-boot:run}, or start it from the IDE, then:
 *
 * <pre>{@code
 * curl -s -X POST localhost:8080/deals -H 'Content-Type: application/json' \
 *     -d '{"id":"D-42","process":"five-step"}'
 * curl -s -X POST localhost:8080/deals/D-42/events -H 'Content-Type: application/json' \
 *     -d '{"type":"contact-made","channel":"PHONE"}'
 * curl -s localhost:8080/deals/D-42/explain
 * }</pre>
 */
@SpringBootApplication
public class DealsApplication {
  /**
   * Starts the application.
   *
   * @param args Spring Boot's command-line arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(DealsApplication.class, args);
  }
}
