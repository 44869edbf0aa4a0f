package io.salesflow.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.ProcessCompiler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Micrometer metrics of every {@link DealEngine} bean, when Micrometer is on the class path and the application has a
 * {@link MeterRegistry} (Spring Boot's actuator gives it one):
 *
 * <ul>
 *   <li>{@code salesflow.events} (counter): events fired, tagged {@code process}, {@code stage} (the deal's stage
 *       before the event), {@code event} (the event type id; {@code other} for a type the process does not know) and
 *       {@code outcome} ({@code accepted}, or the rejection kind: {@code guard_denied}, {@code no_transition},
 *       {@code terminal_stage}, {@code unknown_event_type}, {@code stale_version});
 *   <li>{@code salesflow.fire} (timer): how long {@code fire} took, tagged {@code process} and {@code outcome}
 *       ({@code accepted}, {@code rejected} or {@code error});
 *   <li>{@code salesflow.deals.started} (counter): deals started, tagged {@code process};
 *   <li>{@code salesflow.pool.size}, {@code salesflow.pool.in.use}, {@code salesflow.pool.waiting} (gauges): the
 *       Spring Statemachine engine's machines per process, those in use and the threads waiting, tagged
 *       {@code process}.
 * </ul>
 *
 * <p>No tag carries a deal id or anything else a user sends: every tag value is a process, stage or event type id of
 * the engine's processes, or one of the fixed words above.
 *
 * @since 0.1
 */
@AutoConfiguration(after = SalesflowAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
public class SalesflowMetricsAutoConfiguration {
  private static final String SPRING_COMPILER = "io.salesflow.spring.SpringStatemachineCompiler";

  /** Created by Spring Boot. */
  public SalesflowMetricsAutoConfiguration() {}

  /**
   * Times {@code fire} on every engine built by {@link DealEngine.Builder}, the auto-configured one and the
   * application's own.
   *
   * @param registry the application's meter registry, looked up when an engine first fires
   * @return the post-processor
   */
  @Bean
  static BeanPostProcessor salesflowEngineTimer(ObjectProvider<MeterRegistry> registry) {
    return new EngineTimer(registry);
  }

  /**
   * Counts the events and starts of every engine bean, and registers the pool gauges of every Spring Statemachine
   * compiler bean, once every singleton exists.
   *
   * @param registry the application's meter registry
   * @param engines the engine beans
   * @param compilers the process compiler beans
   * @return the binder
   */
  @Bean
  @ConditionalOnMissingBean(name = "salesflowMeters")
  SmartInitializingSingleton salesflowMeters(ObjectProvider<MeterRegistry> registry,
      ObjectProvider<DealEngine> engines, ObjectProvider<ProcessCompiler> compilers) {
    return () -> {
      MeterRegistry meters = registry.getIfUnique();
      if (meters == null) {
        return;
      }
      engines.orderedStream().forEach(engine -> engine.addListener(new MeteringListener(meters, engine)));
      if (ClassUtils.isPresent(SPRING_COMPILER, SalesflowMetricsAutoConfiguration.class.getClassLoader())) {
        compilers.orderedStream().forEach(compiler -> PoolGauges.register(meters, compiler));
      }
    };
  }
}
