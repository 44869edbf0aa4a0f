package io.salesflow.spring.boot.autoconfigure;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Lets the application's own Flyway migrations and Salesflow's run side by side, whichever came to the database
 * first, with no setting. Salesflow's store keeps its migrations in its own history table
 * ({@code salesflow_schema_history}), and its store bean waits for the application's database initialization, so on a
 * new database the application's Flyway runs first and the store adds its tables after. When the store's tables came
 * first (an application that adds Flyway after it ran Salesflow), Flyway would refuse the schema as not empty; this
 * configuration then starts the application's Flyway history below its first migration (baseline version 0), so
 * that every one of its migrations still runs. It does so only when the schema holds Salesflow's tables and nothing
 * else, and the application did not set {@code spring.flyway.baseline-on-migrate} itself.
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnClass(Flyway.class)
public class SalesflowFlywayAutoConfiguration {
  /** Created by Spring Boot. */
  public SalesflowFlywayAutoConfiguration() {}

  /**
   * Adjusts the application's {@link Flyway} beans, as described above.
   *
   * @return the post-processor
   */
  @Bean
  static BeanPostProcessor salesflowFlywayBaseline() {
    return new FlywayBaseline();
  }
}
