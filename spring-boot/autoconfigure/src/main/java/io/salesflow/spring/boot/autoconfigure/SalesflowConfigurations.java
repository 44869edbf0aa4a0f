package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.engine.ProcessCompiler;
import io.salesflow.store.DealStore;
import io.salesflow.store.jdbc.JdbcDealStore;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The configurations {@link SalesflowAutoConfiguration} imports, in the order it imports them: the JDBC store before
 * the in-memory fallback. They live outside the auto-configuration class because Spring processes a configuration
 * class's nested classes before its imports, in an order of its own.
 */
final class SalesflowConfigurations {
  private SalesflowConfigurations() {}

  /**
   * The JDBC store on the application's {@link DataSource}. It is created after the application's database
   * initializers, so that the application's own Flyway migrations run first, on the schema as the application left
   * it; the store then adds its tables with its own migration history. With Spring's JDBC support on the class path
   * (Spring Boot's JDBC starter brings it), the store takes its connections through {@code DataSourceUtils}, so it
   * joins a transaction the application opened on the same data source.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({JdbcDealStore.class, DataSource.class})
  @ConditionalOnSingleCandidate(DataSource.class)
  static class JdbcStoreConfiguration {
    private static final String DATA_SOURCE_UTILS = "org.springframework.jdbc.datasource.DataSourceUtils";

    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    DealStore salesflowDealStore(DataSource dataSource, SalesflowProperties properties) {
      SalesflowProperties.Store store = properties.getStore();
      JdbcDealStore.Builder builder = JdbcDealStore.builder(dataSource)
          .migrate(store.isMigrate())
          .recentDeals(store.getCacheSize());
      if (ClassUtils.isPresent(DATA_SOURCE_UTILS, SalesflowConfigurations.class.getClassLoader())) {
        builder.connections(new SpringTransactionConnections(dataSource));
      }
      return builder.build();
    }
  }

  /** The in-memory store, when there is no data source or no JDBC store on the class path. */
  @Configuration(proxyBeanMethods = false)
  static class InMemoryStoreConfiguration {
    @Bean
    @ConditionalOnMissingBean
    DealStore salesflowDealStore() {
      return DealStore.inMemory();
    }
  }

  /** The Spring Statemachine engine's compiler, with {@code salesflow.engine=spring-statemachine}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.salesflow.spring.SpringStatemachineCompiler")
  @Conditional(OnSpringStatemachineEngine.class)
  static class SpringStatemachineConfiguration {
    @Bean
    @ConditionalOnMissingBean(ProcessCompiler.class)
    io.salesflow.spring.SpringStatemachineCompiler salesflowSpringStatemachineCompiler(
        SalesflowProperties properties) {
      SalesflowProperties.Pool pool = properties.getPool();
      Integer size = pool.getSize();
      return (size == null ? io.salesflow.spring.SpringStatemachineCompiler.create()
          : io.salesflow.spring.SpringStatemachineCompiler.create(size))
          .withAcquireTimeout(pool.getAcquireTimeout());
    }
  }
}
