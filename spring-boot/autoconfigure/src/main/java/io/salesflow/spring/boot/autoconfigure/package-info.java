/**
 * Spring Boot auto-configuration for Salesflow, for Spring Boot 4.0 and 3.5: the engine
 * ({@link io.salesflow.spring.boot.autoconfigure.SalesflowAutoConfiguration}), its
 * {@link io.salesflow.spring.boot.autoconfigure.SalesflowProperties properties}, Micrometer metrics, a health
 * indicator, migrations beside the application's Flyway, and problem details for Spring MVC
 * ({@link io.salesflow.spring.boot.autoconfigure.EventRejectedException}).
 *
 * <p>Add {@code io.salesflow:salesflow-spring-boot-starter}; nothing here needs to be referenced by name.
 */
@NullMarked
package io.salesflow.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
