package io.salesflow.spring.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code salesflow.*} properties of the Spring Boot auto-configuration. Every one has a default, so an application
 * sets only what it changes:
 *
 * <pre>{@code
 * salesflow.catalog.enabled=true
 * salesflow.engine=spring-statemachine
 * salesflow.pool.size=8
 * salesflow.pool.acquire-timeout=2s
 * }</pre>
 *
 * @since 0.1
 */
@ConfigurationProperties(prefix = "salesflow")
public class SalesflowProperties {
  /** Which engine decides events: the built-in table engine, or the engine on Spring Statemachine. */
  private Engine engine = Engine.TABLE;

  /** The machine pool of the Spring Statemachine engine. */
  private final Pool pool = new Pool();

  /** The deal store on the application's DataSource. */
  private final Store store = new Store();

  /** The ready-made processes of the catalog. */
  private final Catalog catalog = new Catalog();

  /** Errors of Salesflow as RFC 9457 problem details in Spring MVC applications. */
  private final ProblemDetails problemDetails = new ProblemDetails();

  /** Creates the properties with their defaults. */
  public SalesflowProperties() {}

  /** {@return which engine decides events} */
  public Engine getEngine() {
    return engine;
  }

  /**
   * Chooses the engine.
   *
   * @param engine {@code table} (the default) or {@code spring-statemachine}
   */
  public void setEngine(Engine engine) {
    this.engine = engine;
  }

  /** {@return the machine pool settings of the Spring Statemachine engine} */
  public Pool getPool() {
    return pool;
  }

  /** {@return the store settings} */
  public Store getStore() {
    return store;
  }

  /** {@return the catalog settings} */
  public Catalog getCatalog() {
    return catalog;
  }

  /** {@return the problem-details settings} */
  public ProblemDetails getProblemDetails() {
    return problemDetails;
  }

  /**
   * The engines Salesflow offers; both give the same results.
   *
   * @since 0.1
   */
  public enum Engine {
    /** The built-in table engine of {@code salesflow-core}, which evaluates the definitions directly. */
    TABLE,
    /** The engine on Spring Statemachine; needs {@code io.salesflow:salesflow-spring-statemachine}. */
    SPRING_STATEMACHINE
  }

  /**
   * The machine pool of the Spring Statemachine engine: per process, at most {@code size} started machines, and how
   * long a thread waits for one when all are in use.
   *
   * @since 0.1
   */
  public static class Pool {
    /**
     * The most machines each process keeps started at once; size it to the number of threads that fire events at
     * once. Defaults to the number of available processors.
     */
    private @Nullable Integer size;

    /**
     * How long firing an event waits for a pooled machine when all are in use before it fails with a
     * PoolTimeoutException, naming the pool size and the wait.
     */
    private Duration acquireTimeout = Duration.ofSeconds(30);

    /** Creates the settings with their defaults. */
    public Pool() {}

    /** {@return the pool size, or null for the number of available processors} */
    public @Nullable Integer getSize() {
      return size;
    }

    /**
     * Sets the pool size.
     *
     * @param size machines per process, at least 1; null for the number of available processors
     */
    public void setSize(@Nullable Integer size) {
      this.size = size;
    }

    /** {@return how long a thread waits for a pooled machine} */
    public Duration getAcquireTimeout() {
      return acquireTimeout;
    }

    /**
     * Sets how long a thread waits for a pooled machine.
     *
     * @param acquireTimeout a positive duration, for example {@code 2s} or {@code 500ms}
     */
    public void setAcquireTimeout(Duration acquireTimeout) {
      this.acquireTimeout = acquireTimeout;
    }
  }

  /**
   * The JDBC deal store the auto-configuration builds on the application's {@code DataSource}. The store keeps its
   * fixed table names ({@code salesflow_deals}, {@code salesflow_transitions}, {@code salesflow_schema_history}):
   * it has no table prefix to configure.
   *
   * @since 0.1
   */
  public static class Store {
    /**
     * Whether the store creates or migrates its tables with its own Flyway migrations (history table
     * salesflow_schema_history) when the application starts. Turn it off to run them yourself from
     * classpath:io/salesflow/store/jdbc/migration and classpath:io/salesflow/store/jdbc/migration-{vendor}.
     */
    private boolean migrate = true;

    /**
     * How many recently used deals, of about ten history records each, the store keeps room for in memory, so that
     * firing at one reads one row instead of its whole history; 0 turns this off. The memory is bounded by history
     * records (ten per deal counted here), so fewer long-lived deals fit.
     */
    private int cacheSize = 10_000;

    /** Creates the settings with their defaults. */
    public Store() {}

    /** {@return whether the store migrates its tables at start-up} */
    public boolean isMigrate() {
      return migrate;
    }

    /**
     * Sets whether the store migrates its tables at start-up.
     *
     * @param migrate false to manage the store's schema yourself
     */
    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }

    /** {@return how many recently used deals of about ten history records the store keeps room for} */
    public int getCacheSize() {
      return cacheSize;
    }

    /**
     * Sets how many recently used deals of about ten history records the store keeps room for.
     *
     * @param cacheSize 0 or more
     */
    public void setCacheSize(int cacheSize) {
      this.cacheSize = cacheSize;
    }
  }

  /**
   * The catalog's ready-made processes.
   *
   * @since 0.1
   */
  public static class Catalog {
    /**
     * Whether the engine runs every process of the catalog (five-step, eight-step, ...) besides the application's
     * own SalesProcess beans. An application bean with the id of a catalog process replaces it.
     */
    private boolean enabled;

    /** Creates the settings with their defaults. */
    public Catalog() {}

    /** {@return whether the engine runs the catalog's processes} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the engine runs the catalog's processes.
     *
     * @param enabled true to add every catalog process
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /**
   * Problem details for Spring MVC.
   *
   * @since 0.1
   */
  public static class ProblemDetails {
    /**
     * Whether Salesflow's exceptions thrown from Spring MVC controllers are answered as RFC 9457 problem details:
     * 404 for an unknown deal or process, 409 for a duplicate deal or a stale version, 422 for a rejected event, 400
     * for bad input.
     */
    private boolean enabled = true;

    /** Creates the settings with their defaults. */
    public ProblemDetails() {}

    /** {@return whether Salesflow's errors become problem details} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether Salesflow's errors become problem details.
     *
     * @param enabled false to handle them yourself
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
