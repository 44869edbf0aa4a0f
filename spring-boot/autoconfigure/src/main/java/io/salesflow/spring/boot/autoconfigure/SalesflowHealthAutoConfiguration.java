package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.engine.DealEngine;
import io.salesflow.engine.ProcessCompiler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code salesflow} component of the actuator's health endpoint: up when the engine's store answers a lookup, the
 * engine runs at least one process and no pool of the Spring Statemachine engine is exhausted (every machine in use
 * and threads waiting); its details list the engine, the processes, the store and the pools. Spring Boot 4 and 3.5
 * have different health APIs, so there is one indicator per line, chosen by which API is on the class path. Turn it
 * off with {@code management.health.salesflow.enabled=false}.
 *
 * @since 0.1
 */
@AutoConfiguration(after = SalesflowAutoConfiguration.class)
@ConditionalOnBean(DealEngine.class)
@ConditionalOnProperty(prefix = "management.health.salesflow", name = "enabled", matchIfMissing = true)
public class SalesflowHealthAutoConfiguration {
  static final String BOOT4_HEALTH = "org.springframework.boot.health.contributor.HealthIndicator";
  static final String BOOT3_HEALTH = "org.springframework.boot.actuate.health.HealthIndicator";

  /** Created by Spring Boot. */
  public SalesflowHealthAutoConfiguration() {}

  static SalesflowHealth health(DealEngine engine, ObjectProvider<ProcessCompiler> compiler) {
    return new SalesflowHealth(engine, compiler.getIfUnique());
  }

  /** Spring Boot 4. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = BOOT4_HEALTH)
  static class Boot4Health {
    @Bean
    @ConditionalOnMissingBean(name = "salesflowHealthIndicator")
    SalesflowHealthIndicator salesflowHealthIndicator(DealEngine engine, ObjectProvider<ProcessCompiler> compiler) {
      return new SalesflowHealthIndicator(health(engine, compiler));
    }
  }

  /** Spring Boot 3.5. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = BOOT3_HEALTH)
  @ConditionalOnMissingClass(BOOT4_HEALTH)
  static class Boot3Health {
    @Bean
    @ConditionalOnMissingBean(name = "salesflowHealthIndicator")
    SalesflowBoot3HealthIndicator salesflowHealthIndicator(DealEngine engine,
        ObjectProvider<ProcessCompiler> compiler) {
      return new SalesflowBoot3HealthIndicator(health(engine, compiler));
    }
  }
}
