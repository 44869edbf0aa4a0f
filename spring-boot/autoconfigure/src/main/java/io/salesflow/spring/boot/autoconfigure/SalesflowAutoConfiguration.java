package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.ProcessCompiler;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;

/**
 * Auto-configures a Salesflow {@link DealEngine} with its processes, its store and its clock. Every bean backs off
 * when the application declares its own of the same type.
 *
 * <ul>
 *   <li>processes: every {@link SalesProcess} bean, plus the catalog's with {@code salesflow.catalog.enabled=true};
 *   <li>store: a {@code JdbcDealStore} on the application's single {@code DataSource}, created after the application's
 *       own database initialization (Flyway, Liquibase, SQL scripts), or {@link DealStore#inMemory()} without one;
 *   <li>clock: the application's single {@link Clock} bean, or the UTC system clock;
 *   <li>engine: the table engine, or with {@code salesflow.engine=spring-statemachine} the Spring Statemachine engine
 *       on a {@code SpringStatemachineCompiler} bean sized by {@code salesflow.pool.*}; any
 *       {@link ProcessCompiler} bean of the application takes their place;
 *   <li>listeners: every {@link DealEngine.Listener} bean hears the engine.
 * </ul>
 *
 * @since 0.1
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@EnableConfigurationProperties(SalesflowProperties.class)
@Import({SalesflowConfigurations.JdbcStoreConfiguration.class,
    SalesflowConfigurations.InMemoryStoreConfiguration.class,
    SalesflowConfigurations.SpringStatemachineConfiguration.class})
public class SalesflowAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SalesflowAutoConfiguration.class);
  private static final String CATALOG_CLASS = "io.salesflow.catalog.SalesCatalog";

  /** Created by Spring Boot. */
  public SalesflowAutoConfiguration() {}

  /**
   * The engine, closed with the application context.
   *
   * @param properties the {@code salesflow.*} properties
   * @param processes the application's processes
   * @param store the store bean, the application's or the auto-configured one
   * @param clock the application's clock, if it has exactly one
   * @param compiler the process compiler bean, if there is one
   * @param listeners the application's engine listeners
   * @return the engine
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public DealEngine salesflowDealEngine(SalesflowProperties properties, ObjectProvider<SalesProcess> processes,
      DealStore store, ObjectProvider<Clock> clock, ObjectProvider<ProcessCompiler> compiler,
      ObjectProvider<DealEngine.Listener> listeners) {
    ProcessCompiler chosen = compiler.getIfUnique();
    DealEngine.Builder builder;
    if (chosen != null) {
      builder = DealEngine.builder(chosen);
    } else if (properties.getEngine() == SalesflowProperties.Engine.SPRING_STATEMACHINE) {
      throw new IllegalStateException("salesflow.engine=spring-statemachine needs the Spring Statemachine engine on"
          + " the class path: add the dependency io.salesflow:salesflow-spring-statemachine, or remove the property"
          + " to use the table engine");
    } else {
      builder = DealEngine.tableEngine();
    }
    List<SalesProcess> all = processes(processes, properties);
    if (all.isEmpty()) {
      throw new IllegalStateException("Salesflow has no process to run: declare a SalesProcess bean, or set"
          + " salesflow.catalog.enabled=true to run the catalog's processes");
    }
    builder.processes(all).store(store).clock(clock.getIfUnique(Clock::systemUTC));
    listeners.orderedStream().forEach(builder::listener);
    DealEngine engine = builder.build();
    LOG.info("Salesflow {} engine runs {} process(es) on {}", engine.name(), all.size(),
        store.getClass().getSimpleName());
    return engine;
  }

  /** The application's processes, then the catalog's whose ids the application does not use. */
  static List<SalesProcess> processes(ObjectProvider<SalesProcess> beans, SalesflowProperties properties) {
    Map<String, SalesProcess> byId = new LinkedHashMap<>();
    beans.orderedStream().forEach(process -> {
      if (byId.putIfAbsent(process.id(), process) != null) {
        throw new IllegalStateException("two SalesProcess beans have the id '" + process.id() + "'; give each"
            + " process its own id");
      }
    });
    if (properties.getCatalog().isEnabled()) {
      if (!ClassUtils.isPresent(CATALOG_CLASS, SalesflowAutoConfiguration.class.getClassLoader())) {
        throw new IllegalStateException("salesflow.catalog.enabled=true needs the catalog on the class path: add"
            + " the dependency io.salesflow:salesflow-stages-catalog (the starter brings it)");
      }
      for (SalesProcess process : CatalogProcesses.all()) {
        byId.putIfAbsent(process.id(), process);
      }
    }
    return new ArrayList<>(byId.values());
  }
}
