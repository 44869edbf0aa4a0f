package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.SalesProcess;
import io.salesflow.jackson.SalesflowModule;
import io.salesflow.jackson2.SalesflowJackson2Module;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers Salesflow's Jackson module with Spring Boot's JSON mapper, so that controllers take {@code SalesEvent}
 * bodies and answer with {@code Deal} and {@code FireResult} as they are: {@code SalesflowModule} on Jackson 3
 * (Spring Boot 4), {@code SalesflowJackson2Module} on Jackson 2 (Spring Boot 3.5), each when its Jackson and its
 * module are on the class path (the starter brings both modules, never a Jackson of its own). The module reads the
 * built-in event types and the custom ones of every {@code SalesProcess} bean, and of the catalog's processes with
 * {@code salesflow.catalog.enabled=true}. Spring Boot adds module beans after the modules it finds by service
 * loading, so this configured module is the one that decides. Declare a module bean of your own to replace it.
 *
 * @since 0.1
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
    "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration"})
public class SalesflowJacksonAutoConfiguration {
  /** Created by Spring Boot. */
  public SalesflowJacksonAutoConfiguration() {}

  static SalesProcess[] processes(ObjectProvider<SalesProcess> beans, SalesflowProperties properties) {
    return SalesflowAutoConfiguration.processes(beans, properties).toArray(SalesProcess[]::new);
  }

  /** Jackson 3, Spring Boot 4. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"tools.jackson.databind.JacksonModule", "io.salesflow.jackson.SalesflowModule"})
  static class Jackson3Module {
    @Bean
    @ConditionalOnMissingBean
    SalesflowModule salesflowJacksonModule(ObjectProvider<SalesProcess> processes, SalesflowProperties properties) {
      return new SalesflowModule().withEventTypesOf(processes(processes, properties));
    }
  }

  /** Jackson 2, Spring Boot 3.5. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"com.fasterxml.jackson.databind.Module", "io.salesflow.jackson2.SalesflowJackson2Module"})
  static class Jackson2Module {
    @Bean
    @ConditionalOnMissingBean
    SalesflowJackson2Module salesflowJackson2Module(ObjectProvider<SalesProcess> processes,
        SalesflowProperties properties) {
      return new SalesflowJackson2Module().withEventTypesOf(processes(processes, properties));
    }
  }
}
