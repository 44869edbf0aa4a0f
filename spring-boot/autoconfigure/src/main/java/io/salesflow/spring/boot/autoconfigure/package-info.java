/**
 * Spring Boot auto-configuration for Salesflow, one artifact for Spring Boot 4.0 and 3.5:
 *
 * <ul>
 *   <li>the engine, its store and its processes:
 *       {@link io.salesflow.spring.boot.autoconfigure.SalesflowAutoConfiguration}, configured by
 *       {@link io.salesflow.spring.boot.autoconfigure.SalesflowProperties};
 *   <li>the store's migrations beside the application's Flyway:
 *       {@link io.salesflow.spring.boot.autoconfigure.SalesflowFlywayAutoConfiguration};
 *   <li>Micrometer metrics: {@link io.salesflow.spring.boot.autoconfigure.SalesflowMetricsAutoConfiguration};
 *   <li>the {@code salesflow} health component:
 *       {@link io.salesflow.spring.boot.autoconfigure.SalesflowHealthAutoConfiguration};
 *   <li>Salesflow's Jackson module on Boot's mapper:
 *       {@link io.salesflow.spring.boot.autoconfigure.SalesflowJacksonAutoConfiguration};
 *   <li>problem details for Spring MVC:
 *       {@link io.salesflow.spring.boot.autoconfigure.SalesflowProblemDetailsAutoConfiguration}, with
 *       {@link io.salesflow.spring.boot.autoconfigure.EventRejectedException} for rejected events.
 * </ul>
 *
 * <p>Add {@code io.salesflow:salesflow-spring-boot-starter}; an application refers to nothing here by name but
 * {@code EventRejectedException}.
 */
@NullMarked
package io.salesflow.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
