package io.salesflow.store.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DealFacts.FollowUp;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.TransitionHistory;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.store.DealStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DealStore} in a relational database reached through any {@link DataSource}: H2 (file or in-memory) for an
 * embedded store, PostgreSQL for several application nodes sharing their deals.
 *
 * <pre>{@code
 * JdbcDealStore store = JdbcDealStore.h2File(Path.of("data/deals")); // durable embedded H2, schema migrated
 * DealEngine engine = DealEngine.tableEngine().process(process).store(store).build();
 * }</pre>
 *
 * <p><b>Durability.</b> Every change the store reports as done is committed. Whether a commit survives a crash is
 * the database's business: PostgreSQL with its defaults and {@link #h2File(Path)} write each commit before it
 * returns; an H2 file database with its default {@code WRITE_DELAY} (500 ms) does not, and {@link Builder#build()}
 * logs a warning with the fix when it is handed one.
 *
 * <p><b>Schema.</b> Two tables, {@code salesflow_deals} and {@code salesflow_transitions}, created and migrated by
 * Flyway from SQL in this jar ({@value #MIGRATIONS_LOCATION}, and {@value #VENDOR_MIGRATIONS_LOCATION} for what
 * differs between H2 and PostgreSQL), with its own history table {@value #SCHEMA_HISTORY_TABLE}, so it lives beside
 * the application's tables and the application's own Flyway migrations. By default {@link Builder#build()} migrates;
 * build with {@link Builder#migrate(boolean) migrate(false)} when the schema is managed elsewhere, and call
 * {@link #migrate()} when you choose.
 *
 * <p><b>Documents.</b> A deal's state (its facts and exact times) and each transition's event are JSON documents,
 * written and read with the mapping of {@code salesflow-jackson2} (the JSON a REST endpoint gets, with amounts as
 * strings so that every digit and the scale survive), {@code jsonb} on PostgreSQL and text on H2. The state is
 * written when the deal is stored and afterwards only when a change does not follow from its event (a corrected
 * snapshot), in column {@code state_version} the version it holds at; a read replays the events of the history rows
 * after it with {@link io.salesflow.DealFacts#apply}. So an accepted event writes the same few hundred bytes whether
 * the deal has 5 follow-ups or 500. Replaying with the running version's rules means that a release changing what
 * an event does to the facts must also migrate the stored state of existing deals. PostgreSQL's {@code jsonb} cannot
 * hold the NUL character (U+0000): there, a change whose text has one is refused with a {@link JdbcStoreException}
 * and nothing is written.
 *
 * <p><b>Transactions.</b> {@link #append(Deal, TransitionRecord)} updates the deal row with its version checked
 * ({@code UPDATE … WHERE id = ? AND version = ?}) and inserts the history row in one transaction; a stale version
 * throws {@link DealVersionConflictException} and writes nothing. Reads take the deal row and then exactly the
 * history rows up to its version, so they never see half a transition. Instants round-trip exactly; the timestamp
 * columns that the stalled and overdue-follow-up queries use are stored to the microsecond. The store can also work
 * inside a transaction of the application's: see {@link #joining(Connection)} and {@link ConnectionProvider}.
 *
 * <p><b>Recent deals.</b> The store keeps the deals it read or wrote last in memory, bounded by their weight (one
 * plus the length of their history; {@link Builder#cachedHistoryRecords(long)}), so that firing at one of them reads
 * its row and only the history rows added since, not its whole history. Each read compares the row with the one the
 * copy was made from (process, stage, version, {@code updated_at}, start key, the state document and its version),
 * so a change made by another node or by hand to the deal row is always seen. On PostgreSQL the state document is
 * not read for that: the row's {@code xmin} stands for it (the transaction that wrote the row's current version,
 * which every {@code UPDATE} changes, even one writing the same values back), taken from the store's own writes with
 * {@code RETURNING}; {@code VACUUM}, a restore or a reloaded dump at most make the store read the deal again. An
 * engine firing at a recent deal on PostgreSQL reads nothing first ({@link #findUnchecked(String)}): it decides on the
 * copy, and the version-checked {@code UPDATE} also requires the row's {@code xmin} to be the copy's, so a row changed
 * since makes the write change nothing and the engine decide again on the row as read. History
 * rows are append-only: whoever changes or deletes existing history rows outside Salesflow must also change the
 * deal's row in the same transaction (setting {@code updated_at} to the current time is enough), so that stores
 * holding a copy read the deal again.
 *
 * <p><b>Damaged rows.</b> A deal that cannot be read (a document changed by hand, a history row missing) fails
 * alone: {@link #find(String)} throws a {@link JdbcStoreException} that names the deal and what is wrong; the bulk
 * queries leave it out, report it to the callback of {@link #findByProcess(String, Consumer)} and
 * {@link #findByStage(String, String, Consumer)}, and otherwise log it as a warning.
 *
 * <p><b>Thread safety.</b> Thread-safe if the data source is (connection pools and the H2 and PostgreSQL data sources
 * are): the store borrows one connection per call. Several stores, in one JVM or on several nodes, may share one
 * database.
 *
 * @since 0.1
 */
public final class JdbcDealStore implements DealStore, AutoCloseable {
  /** Where the store's Flyway migrations are on the class path, to run them from your own Flyway set-up. */
  public static final String MIGRATIONS_LOCATION = "classpath:io/salesflow/store/jdbc/migration";

  /**
   * Where the store's migrations for one database are, to run them from your own Flyway set-up beside
   * {@link #MIGRATIONS_LOCATION}: {@code {vendor}} stands for {@code h2} or {@code postgresql}. Spring Boot's
   * {@code spring.flyway.locations} fills it in itself; with plain Flyway, replace it. They hold what differs between
   * the databases, such as PostgreSQL's {@code jsonb} columns.
   *
   * @since 0.1
   */
  public static final String VENDOR_MIGRATIONS_LOCATION = "classpath:io/salesflow/store/jdbc/migration-{vendor}";

  /** The name of the table in which Flyway records the store's migrations. */
  public static final String SCHEMA_HISTORY_TABLE = "salesflow_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcDealStore.class);
  private static final int IN_LIST_CHUNK = 500;
  private static final long DEFAULT_CACHED_HISTORY_RECORDS = 100_000;

  private static final String DEAL_COLUMNS = "id, process_id, stage, version, updated_at, state, start_key,"
      + " state_version, process_version, owner, started_by";
  private static final String TRANSITION_COLUMNS = "deal_id, version, from_stage, to_stage, is_internal, payload,"
      + " idempotency_key, actor";
  /** PostgreSQL's {@code xmin} of a deal row as a number: a 32-bit transaction id, compared and read as bigint. */
  private static final String XMIN = "CAST(CAST(xmin AS text) AS bigint)";
  /** What the writes of a deal row return on PostgreSQL: the row's new {@code xmin}. */
  private static final String[] RETURNING_XMIN = {"xmin"};

  private final DataSource dataSource;
  private final ConnectionProvider connections;
  /** The statements that write, for the type of the document columns. */
  private final Statements sql;
  /** Recent deals, each with the fingerprint of the row it was read from or written as; null when turned off. */
  private final @Nullable Cache<String, Cached> recent;
  /**
   * The deal this thread last read or wrote through this store (or a view of it joined to a connection): what the
   * next {@link #append} on this thread most likely continues, so that it can tell whether the new facts follow from
   * the event without reading them back. Shared by the store and its joined views.
   */
  private final ThreadLocal<@Nullable Deal> lastSeen;
  /**
   * The recent deal this thread last took from {@link #findUnchecked} (PostgreSQL only), with the {@code xmin} of the
   * row it was made from: the next {@link #append} of that deal writes only if the row still has that {@code xmin}.
   * Cleared by every read and append. Shared by the store and its joined views.
   */
  private final ThreadLocal<@Nullable Cached> unchecked;
  /** What {@link #close()} releases: a pool the store made itself, or nothing. */
  private final @Nullable AutoCloseable owned;
  /** How often a deal's whole history was read, and how often an append wrote the whole state: for tests. */
  private final Counters counters;

  private JdbcDealStore(DataSource dataSource, ConnectionProvider connections, Statements sql,
      @Nullable Cache<String, Cached> recent, ThreadLocal<@Nullable Deal> lastSeen,
      ThreadLocal<@Nullable Cached> unchecked, @Nullable AutoCloseable owned, Counters counters) {
    this.dataSource = dataSource;
    this.connections = connections;
    this.sql = sql;
    this.recent = recent;
    this.lastSeen = lastSeen;
    this.unchecked = unchecked;
    this.owned = owned;
    this.counters = counters;
  }

  /**
   * Returns a builder for a store on {@code dataSource}.
   *
   * @param dataSource where the store borrows its connections; a pool (HikariCP, say) for PostgreSQL, or H2's
   *     {@code JdbcConnectionPool}
   * @return a builder that migrates the schema and keeps up to 100,000 history records of recent deals in memory
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Opens (or creates) a durable embedded store in an H2 file database, migrated and ready: every change reported as
   * stored is in the file before the call returns, so it survives the process being killed. Needs
   * {@code com.h2database:h2} on the class path. {@link #close()} closes the database's connections.
   *
   * <p>The database runs with {@code WRITE_DELAY=0} (see {@link #h2FileUrl(Path)}) behind H2's own small connection
   * pool. To use a pool of your own, or other settings, give {@link #h2FileUrl(Path)} to it and pass it to
   * {@link #builder(DataSource)}.
   *
   * @param file the database file, without H2's {@code .mv.db} suffix (a trailing one is taken off); its directory is
   *     created if missing
   * @return the store; close it when the application stops
   * @throws JdbcStoreException if the database cannot be opened or migrated
   */
  public static JdbcDealStore h2File(Path file) {
    String url = h2FileUrl(file);
    H2Files.Pool pool = H2Files.pool(file);
    try {
      Builder builder = builder(pool.dataSource());
      builder.owned = pool.closer();
      return builder.build();
    } catch (RuntimeException e) {
      try {
        pool.closer().close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof JdbcStoreException) {
        throw e;
      }
      throw new JdbcStoreException("could not open the H2 database " + url + ": " + e.getMessage(), null, e);
    }
  }

  /**
   * Returns the JDBC URL of a durable H2 file database, for a connection pool of your own:
   * {@code jdbc:h2:file:<absolute path>;WRITE_DELAY=0}. {@code WRITE_DELAY=0} makes H2 write each commit to the file
   * before the commit returns; by default it does so up to 500 ms later, and a killed process loses those commits.
   *
   * @param file the database file, without H2's {@code .mv.db} suffix (a trailing one is taken off)
   * @return the URL; use user {@code sa} and an empty password, or your own
   * @throws IllegalArgumentException if the path contains {@code ;}, which H2 would read as a setting
   */
  public static String h2FileUrl(Path file) {
    return H2Files.url(file);
  }

  /**
   * Returns a store that works on {@code connection}, inside the application's transaction when the connection has
   * auto-commit off: its writes join that transaction, and the store never commits it, rolls it back or changes its
   * auto-commit; the application commits or rolls back its own rows and the deal changes together. A write that
   * fails part-way is undone to a savepoint the store set just before it, so the transaction holds no half-written
   * deal and stays usable. With auto-commit on, each call is its own transaction, as on {@link #builder(DataSource)}
   * stores.
   *
   * <pre>{@code
   * connection.setAutoCommit(false);
   * insertLead(connection, "L-7");                                       // the application's own row
   * DealEngine engine = DealEngine.tableEngine().process(process).store(store.joining(connection)).build();
   * engine.start("D-7", process.id());
   * connection.commit();                                                  // both, or neither on rollback
   * }</pre>
   *
   * <p>The returned store shares this store's recent deals but never adds a deal to them from inside a transaction,
   * and drops the deals it writes there, so a rolled-back change is never served. Version checks work as usual, so a
   * concurrent change to a deal is detected. Like the connection, it is for one thread at a time.
   *
   * @param connection the application's connection; the store never closes it
   * @return a store on that connection, for as long as the connection is open
   */
  public DealStore joining(Connection connection) {
    Objects.requireNonNull(connection, "connection must not be null");
    return new JdbcDealStore(dataSource, new JoinedConnection(connection), sql, recent, lastSeen, unchecked, null,
        counters);
  }

  /**
   * Creates or migrates the store's schema to the version this jar ships; does nothing if it is current. Safe to call
   * from several nodes at once: Flyway serialises the migrations with a database lock.
   *
   * @return how many migrations were applied
   * @throws JdbcStoreException if the migration fails; the message names the failing migration
   */
  public int migrate() {
    return migrate(dataSource);
  }

  private static int migrate(DataSource dataSource) {
    String vendorLocation = VENDOR_MIGRATIONS_LOCATION.replace("{vendor}", vendor(dataSource));
    try {
      MigrateResult result = Flyway.configure(JdbcDealStore.class.getClassLoader())
          .dataSource(dataSource)
          .locations(MIGRATIONS_LOCATION, vendorLocation)
          .table(SCHEMA_HISTORY_TABLE)
          // The schema may hold the application's own tables: start the store's history below its first migration.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      LOG.debug("Salesflow JDBC store schema at version {} ({} migrations applied)", result.targetSchemaVersion,
          result.migrationsExecuted);
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new JdbcStoreException("could not create or migrate the Salesflow deal tables: " + e.getMessage()
          + "; check that the data source's user may create tables, or run the migrations in "
          + MIGRATIONS_LOCATION + " and " + vendorLocation + " yourself and build the store with migrate(false)",
          null, e);
    }
  }

  /**
   * The name that stands for {@code {vendor}} in {@link #VENDOR_MIGRATIONS_LOCATION} for a database: {@code h2} or
   * {@code postgresql}, as Spring Boot names them.
   */
  private static String vendor(DataSource dataSource) {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new JdbcStoreException("could not connect to the database to migrate the Salesflow deal tables: "
          + e.getMessage() + "; nothing was changed, try again once the database is reachable", null, e);
    }
    if ("H2".equals(product)) {
      return "h2";
    }
    if ("PostgreSQL".equals(product)) {
      return "postgresql";
    }
    throw new JdbcStoreException("the Salesflow JDBC store runs on H2 and PostgreSQL, not on " + product
        + "; use one of those databases for the deal tables", null, null);
  }

  /**
   * Checks that the tables are at the schema this jar needs, and returns the statements for the type of their
   * document columns: {@code jsonb} on PostgreSQL, text on H2.
   */
  private static Statements statements(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement deals = c.prepareStatement("SELECT id, state, state_version FROM salesflow_deals"
            + " WHERE 1 = 0");
        ResultSet dealColumns = deals.executeQuery();
        PreparedStatement transitions = c.prepareStatement("SELECT payload, idempotency_key FROM"
            + " salesflow_transitions WHERE 1 = 0");
        ResultSet transitionColumns = transitions.executeQuery()) {
      boolean stateJsonb = "jsonb".equalsIgnoreCase(dealColumns.getMetaData().getColumnTypeName(2));
      boolean payloadJsonb = "jsonb".equalsIgnoreCase(transitionColumns.getMetaData().getColumnTypeName(1));
      if (stateJsonb != payloadJsonb) {
        throw new IllegalStateException("salesflow_deals.state and salesflow_transitions.payload should have one"
            + " type, but only " + (stateJsonb ? "state" : "payload") + " is jsonb; was a migration changed or run"
            + " in part? Run the Flyway migrations in " + MIGRATIONS_LOCATION + " and " + VENDOR_MIGRATIONS_LOCATION);
      }
      return Statements.of(stateJsonb, "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())
          && readsXmin(c));
    } catch (SQLException e) {
      throw new IllegalStateException("the Salesflow deal tables are missing, unreadable or at an older schema ("
          + e.getMessage() + "); build the store with migrate(true), call migrate(), or run the Flyway migrations in "
          + MIGRATIONS_LOCATION + " and " + VENDOR_MIGRATIONS_LOCATION + " ({vendor}: h2 or postgresql)", e);
    }
  }

  /**
   * Whether the database has PostgreSQL's {@code xmin} system column on the deal table, as PostgreSQL has; a
   * database that speaks PostgreSQL's protocol without it (some do) keeps the deals checked by their documents.
   */
  private static boolean readsXmin(Connection c) {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + XMIN + " FROM salesflow_deals WHERE 1 = 0")) {
      ps.executeQuery().close();
      return true;
    } catch (SQLException e) {
      LOG.debug("the deal table has no xmin column; recent deals are checked by their state documents: {}",
          e.toString());
      return false;
    }
  }

  /**
   * The warning for an H2 database outside memory that holds commits back ({@code WRITE_DELAY} above zero): what
   * {@code fire} and {@code start} then report as stored can be lost if the process is killed. Null for any other
   * database, or when the check itself fails.
   */
  static @Nullable String delayedWritesWarning(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
        return null;
      }
      String url = String.valueOf(c.getMetaData().getURL());
      if (url.startsWith("jdbc:h2:mem:")) {
        return null;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String delay = rs.getString(1).trim();
        if (Integer.parseInt(delay) <= 0) {
          return null;
        }
        return "the H2 database " + url + " writes commits to its file up to " + delay + " ms after they return"
            + " (WRITE_DELAY), so deal changes reported as stored can be lost if the process is killed; add"
            + " ;WRITE_DELAY=0 to the URL (JdbcDealStore.h2FileUrl(path) gives one), or open the store with"
            + " JdbcDealStore.h2File(path)";
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("could not check the H2 write delay: {}", e.toString());
      return null;
    }
  }

  // ---------------------------------------------------------------- connections

  private Connection acquire(String whatFails) {
    try {
      return connections.acquire();
    } catch (SQLException e) {
      throw new JdbcStoreException("could not get a database connection to " + whatFails + ": " + e.getMessage()
          + "; nothing was written, try again once the database is reachable", null, e);
    }
  }

  private void release(Connection c) {
    try {
      connections.release(c);
    } catch (SQLException e) {
      LOG.debug("could not release a connection: {}", e.toString());
    }
  }

  /** Reads with the connection as it comes: in the application's transaction, or in auto-commit mode. */
  private void prepareForReading(Connection c) throws SQLException {
    if (!connections.inApplicationTransaction(c) && !c.getAutoCommit()) {
      c.setAutoCommit(true);
    }
  }

  // ---------------------------------------------------------------- writing

  @Override
  public void insert(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    if (deal.version() != 0) {
      throw new IllegalArgumentException("a new deal has version 0, but '" + deal.id() + "' has " + deal.version());
    }
    String state = stateDocument(deal);
    Connection c = acquire("store the new deal '" + deal.id() + "'");
    try {
      boolean joined = connections.inApplicationTransaction(c);
      if (joined) {
        inSavepoint(c, () -> insertRow(c, deal, state));
        forget(deal.id());
        lastSeen.set(deal);
        return;
      }
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      long xmin = insertRow(c, deal, state);
      lastSeen.set(deal);
      rememberWritten(deal, deal.createdAt(), state, 0, xmin);
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        throw new DuplicateDealException(deal.id(), deal.processId());
      }
      if (isUntranslatableCharacter(e)) {
        throw nulCharacter(deal.id(), "the new deal's facts", e);
      }
      throw new JdbcStoreException("could not store the new deal '" + deal.id() + "': " + e.getMessage()
          + "; it is not stored unless the connection broke after the database received it: look it up with"
          + " find before starting it again", deal.id(), e);
    } finally {
      release(c);
    }
  }

  /** Inserts a new deal row; returns its {@code xmin} where rows are told unchanged by it, else -1. */
  private long insertRow(Connection c, Deal deal, String state) throws SQLException {
    try (PreparedStatement ps = sql.xmin ? c.prepareStatement(sql.insertDeal, RETURNING_XMIN)
        : c.prepareStatement(sql.insertDeal)) {
      int i = 0;
      ps.setString(++i, deal.id());
      ps.setString(++i, deal.processId());
      ps.setString(++i, deal.stage());
      ps.setLong(++i, deal.version());
      setInstant(ps, ++i, deal.createdAt());
      setInstant(ps, ++i, deal.enteredStageAt());
      setInstant(ps, ++i, lastFollowUp(deal));
      setInstant(ps, ++i, deal.followUpDueFrom());
      setInstant(ps, ++i, deal.createdAt());
      ps.setString(++i, state);
      ps.setLong(++i, 0);
      ps.setString(++i, deal.startKey());
      ps.setInt(++i, deal.processVersion());
      ps.setString(++i, deal.owner());
      ps.setString(++i, deal.startedBy());
      ps.executeUpdate();
      return sql.xmin ? returnedXmin(ps) : -1;
    }
  }

  /**
   * The {@code xmin} a write of one deal row returned (in the same round trip: {@code RETURNING xmin}), or -1 when
   * it returned none, which makes the next read of the deal read it afresh.
   */
  private static long returnedXmin(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.getGeneratedKeys()) {
      if (!rs.next()) {
        return -1;
      }
      String xmin = rs.getString(1);
      return xmin == null ? -1 : Long.parseLong(xmin);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Writes the deal row's columns and the history row. The deal's state document (its facts) is written again
   * only when the new facts are not what the event makes of the previous ones, which the store can tell when it
   * knows the previous snapshot (it read or wrote it last on this thread, or holds it among its recent deals, as it
   * does on every engine's fire): so an accepted event writes about as many bytes for a deal with a long history as
   * for a new one.
   */
  @Override
  public void append(Deal deal, TransitionRecord record) {
    Objects.requireNonNull(deal, "deal must not be null");
    Objects.requireNonNull(record, "record must not be null");
    if (deal.version() != record.version() || !deal.lastTransition().map(record::equals).orElse(false)) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' must end with the record being appended");
    }
    long expected = record.version() - 1;
    Cached trusted = uncheckedCopy(deal.id(), expected);
    // quietly: the put after the write records the use, so the lookup need not queue a read for the cache's policy
    Cached before = recent == null ? null : recent.policy().getIfPresentQuietly(deal.id());
    if (before != null && before.deal.version() != expected) {
      before = null;
    }
    Deal previous = before != null ? before.deal : lastSeen.get();
    boolean follows = previous != null && previous.version() == expected && previous.id().equals(deal.id())
        && follows(previous, deal, record);
    String state = follows ? null : stateDocument(deal);
    String payload = Documents.writePayload(new Documents.Payload(record.at(), record.event()));
    Connection c;
    try {
      c = connections.acquire();
    } catch (SQLException e) {
      throw new JdbcStoreException("could not get a database connection to record " + record + " of deal '"
          + deal.id() + "': " + e.getMessage() + "; nothing was written, fire the event again once the database is"
          + " reachable", deal.id(), e);
    }
    try {
      if (connections.inApplicationTransaction(c)) {
        forget(deal.id()); // before and after: no copy of an uncommitted change is ever kept
        inSavepoint(c, () -> updateAndInsert(c, deal, record, expected, trusted, state, payload));
        forget(deal.id());
        lastSeen.set(deal);
        return;
      }
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      long xmin;
      try {
        xmin = updateAndInsert(c, deal, record, expected, trusted, state, payload);
      } catch (SQLException | RuntimeException e) {
        rollback(c, deal.id());
        throw e;
      }
      try {
        c.commit();
      } catch (SQLException e) {
        rollback(c, deal.id());
        forget(deal.id());
        lastSeen.remove();
        throw new JdbcStoreException("the database failed to commit " + record + " of deal '" + deal.id() + "': "
            + e.getMessage() + "; whether it was recorded is unknown, reload the deal to see before firing the"
            + " event again", deal.id(), e);
      }
      restoreAutoCommit(c, autoCommit);
      lastSeen.set(deal);
      if (state != null) {
        rememberWritten(deal, record.at(), state, record.version(), xmin);
      } else if (before != null && (!sql.xmin || xmin >= 0)) {
        // the state document is the one the previous copy was checked against: its state version carries over, and
        // its hash where rows are told unchanged by it
        remember(deal, new Fingerprint(deal.processId(), deal.stage(), deal.version(),
            record.at().truncatedTo(ChronoUnit.MICROS), sql.xmin ? xmin : before.row.stamp, before.row.stateVersion,
            deal.startKey(), deal.processVersion(), deal.owner(), deal.startedBy()));
      } else {
        forget(deal.id());
      }
    } catch (SQLException e) {
      if (isConcurrencyFailure(e) || isUniqueViolation(e)) {
        // a unique violation: another writer stored this version, or this idempotency key, first
        throw new DealVersionConflictException(deal.id(), expected, -1);
      }
      if (isUntranslatableCharacter(e)) {
        throw nulCharacter(deal.id(), record + " or the deal's facts", e);
      }
      throw new JdbcStoreException("could not record " + record + " of deal '" + deal.id() + "': " + e.getMessage()
          + "; nothing was written (the transaction was rolled back), fire the event again once the database is"
          + " reachable", deal.id(), e);
    } finally {
      release(c);
    }
  }

  /**
   * Whether {@code next} is what {@code record} makes of {@code previous} by the engines' rules
   * ({@link DealFacts#apply} and {@link Deal#advance}): then its state need not be written, as a read replays the
   * event on the stored state. Not so for a snapshot changed otherwise (an administrative correction, say).
   */
  private static boolean follows(Deal previous, Deal next, TransitionRecord record) {
    if (!previous.createdAt().equals(next.createdAt())
        || !(record.internal() ? previous.enteredStageAt() : record.at()).equals(next.enteredStageAt())) {
      return false;
    }
    try {
      return previous.facts().apply(record.event()).equals(next.facts());
    } catch (RuntimeException refused) { // the event cannot be applied to these facts: not how next was made
      return false;
    }
  }

  /**
   * The copy this thread last took from {@link #findUnchecked}, when an append of {@code dealId}'s version
   * {@code expected + 1} continues it: the deal row must still have its {@code xmin}. Else null, and the version
   * alone is checked, as the copy was checked when it was read. Clears what {@link #findUnchecked} left.
   */
  private @Nullable Cached uncheckedCopy(String dealId, long expected) {
    if (!sql.xmin) {
      return null;
    }
    Cached copy = unchecked.get();
    if (copy == null) {
      return null;
    }
    unchecked.set(null);
    return copy.deal.version() == expected && copy.deal.id().equals(dealId) ? copy : null;
  }

  /**
   * Updates the deal row, version checked (and, with a {@code trusted} copy, only if the row's {@code xmin} is the
   * copy's), and inserts the history row; returns the deal row's new {@code xmin} where rows are told unchanged by
   * it, else -1.
   */
  private long updateAndInsert(Connection c, Deal deal, TransitionRecord record, long expected,
      @Nullable Cached trusted, @Nullable String state, String payload) throws SQLException {
    // the time of the transition fills up to four columns (updated, recorded, and usually entered and follow-up due)
    Instant at = record.at();
    OffsetDateTime atColumn = column(at);
    int updated;
    long xmin = -1;
    String update = trusted != null
        ? (state == null ? sql.updateDealIfXmin : sql.updateDealAndStateIfXmin)
        : (state == null ? sql.updateDeal : sql.updateDealAndState);
    try (PreparedStatement ps = sql.xmin ? c.prepareStatement(update, RETURNING_XMIN) : c.prepareStatement(update)) {
      int i = 0;
      ps.setString(++i, deal.stage());
      ps.setLong(++i, deal.version());
      setInstant(ps, ++i, deal.enteredStageAt(), at, atColumn);
      setInstant(ps, ++i, lastFollowUp(deal));
      setInstant(ps, ++i, deal.followUpDueFrom(), at, atColumn);
      ps.setObject(++i, atColumn);
      ps.setInt(++i, deal.processVersion());
      ps.setString(++i, deal.owner());
      if (state != null) {
        ps.setString(++i, state);
        ps.setLong(++i, deal.version());
      }
      ps.setString(++i, deal.id());
      ps.setLong(++i, expected);
      if (trusted != null) {
        ps.setLong(++i, trusted.row.stamp());
      }
      updated = ps.executeUpdate();
      if (sql.xmin && updated > 0) {
        xmin = returnedXmin(ps);
      }
    }
    if (state != null && updated > 0) {
      counters.stateWrites.increment();
    }
    if (updated == 0) {
      long actual = storedVersion(c, deal.id());
      if (trusted != null) {
        // the copy taken unchecked is out of date: never hand it out again (a newer one another thread of this store
        // wrote stays); the version may be the expected one
        if (recent != null) {
          recent.asMap().remove(deal.id(), trusted);
        }
        lastSeen.remove();
      }
      if (actual < 0) {
        throw new UnknownDealException(deal.id());
      }
      throw new DealVersionConflictException(deal.id(), expected, actual == expected ? -1 : actual);
    }
    try (PreparedStatement ps = c.prepareStatement(sql.insertTransition)) {
      int i = 0;
      ps.setString(++i, deal.id());
      ps.setLong(++i, record.version());
      ps.setString(++i, record.from());
      ps.setString(++i, record.to());
      ps.setString(++i, record.eventType().id());
      ps.setBoolean(++i, record.internal());
      ps.setObject(++i, atColumn);
      setInstant(ps, ++i, record.event().occurredAt(), at, atColumn);
      ps.setString(++i, payload);
      ps.setString(++i, record.idempotencyKey());
      ps.setString(++i, record.actor());
      ps.executeUpdate();
    }
    return xmin;
  }

  /** PostgreSQL's refusal of a character its {@code jsonb} cannot hold: U+0000. */
  private static boolean isUntranslatableCharacter(SQLException e) {
    return "22P05".equals(e.getSQLState());
  }

  private static JdbcStoreException nulCharacter(String dealId, String where, SQLException e) {
    return new JdbcStoreException("deal '" + dealId + "' cannot be stored: text in " + where + " holds the NUL"
        + " character (U+0000), which PostgreSQL's jsonb columns cannot hold (" + e.getMessage() + "); nothing was"
        + " written: remove the character, or replace it (with U+FFFD, say), and try again", dealId, e);
  }

  /**
   * The statements that write, for the type of the document columns, and the read of one deal row, for how a row is
   * told unchanged.
   */
  private static final class Statements {
    final String insertDeal;
    final String updateDeal;
    final String updateDealAndState;
    /** {@link #updateDeal} that also requires the row's {@code xmin} to be a last parameter (PostgreSQL only). */
    final String updateDealIfXmin;
    /** {@link #updateDealAndState} that also requires the row's {@code xmin} to be a last parameter. */
    final String updateDealAndStateIfXmin;
    final String insertTransition;
    /**
     * The read of one deal row by id, as {@link #DEAL_COLUMNS}; with {@link #xmin}, a first parameter (the
     * {@code xmin} of the copy at hand, or null) and a twelfth column, the row's {@code xmin}, and the state document
     * left out (null) when the row's {@code xmin} is the parameter.
     */
    final String findDeal;
    final boolean jsonb;
    /**
     * Whether rows are told unchanged by PostgreSQL's {@code xmin} (the transaction that wrote this version of the
     * row, which every update changes, by whoever and to whatever values) instead of by the hash of their state
     * document: then a recent deal is checked without the database turning its {@code jsonb} document into text.
     */
    final boolean xmin;

    private Statements(boolean jsonb, boolean xmin) {
      this.jsonb = jsonb;
      this.xmin = xmin;
      findDeal = xmin
          ? "SELECT id, process_id, stage, version, updated_at, CASE WHEN " + XMIN + " = ? THEN NULL ELSE state END,"
              + " start_key, state_version, process_version, owner, started_by, " + XMIN
              + " FROM salesflow_deals WHERE id = ?"
          : "SELECT " + DEAL_COLUMNS + " FROM salesflow_deals WHERE id = ?";
      String document = jsonb ? "CAST(? AS jsonb)" : "?";
      insertDeal = "INSERT INTO salesflow_deals (id, process_id, stage, version, created_at, entered_stage_at,"
          + " last_follow_up_at, follow_up_due_from, updated_at, state, state_version, start_key, process_version,"
          + " owner, started_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + document + ", ?, ?, ?, ?, ?)";
      // a migration changes the process version, a new owner the owner; who started the deal never changes
      String update = "UPDATE salesflow_deals SET stage = ?, version = ?, entered_stage_at = ?,"
          + " last_follow_up_at = ?, follow_up_due_from = ?, updated_at = ?, process_version = ?, owner = ?";
      updateDeal = update + " WHERE id = ? AND version = ?";
      updateDealAndState = update + ", state = " + document + ", state_version = ? WHERE id = ? AND version = ?";
      updateDealIfXmin = updateDeal + " AND " + XMIN + " = ?";
      updateDealAndStateIfXmin = updateDealAndState + " AND " + XMIN + " = ?";
      insertTransition = "INSERT INTO salesflow_transitions (deal_id, version, from_stage, to_stage, event_type,"
          + " is_internal, recorded_at, occurred_at, payload, idempotency_key, actor)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + document + ", ?, ?)";
    }

    static Statements of(boolean jsonb, boolean xmin) {
      return new Statements(jsonb, xmin);
    }
  }

  /** SQL work on the application's connection. */
  private interface SqlWork {
    void run() throws SQLException;
  }

  /**
   * Runs the store's statements inside the application's transaction, undoing them alone if one fails: a failed
   * statement leaves no half-written deal in the transaction, and PostgreSQL keeps the transaction usable.
   */
  private static void inSavepoint(Connection c, SqlWork work) throws SQLException {
    Savepoint savepoint;
    try {
      savepoint = c.setSavepoint();
    } catch (SQLFeatureNotSupportedException e) {
      work.run(); // a driver without savepoints: the application's rollback undoes a failed write
      return;
    }
    try {
      work.run();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback(savepoint);
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    try {
      c.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      LOG.debug("could not release a savepoint: {}", e.toString());
    }
  }

  private static long storedVersion(Connection c, String dealId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT version FROM salesflow_deals WHERE id = ?")) {
      ps.setString(1, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  private static void rollback(Connection c, String dealId) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // The connection is likely gone; the database rolls back an open transaction of a lost connection itself.
      LOG.debug("rollback for deal '{}' failed: {}", dealId, e.toString());
    }
  }

  private static void restoreAutoCommit(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      LOG.debug("could not restore auto-commit: {}", e.toString());
    }
  }

  // ---------------------------------------------------------------- the recent deals

  /** A recent deal and the fingerprint of the row it matches. */
  private record Cached(Deal deal, Fingerprint row) {}

  /**
   * What a deal row held: any difference, from any writer, means the copy is out of date. {@code stamp} stands for
   * what the other columns do not show, the state document: on PostgreSQL the row's {@code xmin}, which changes with
   * every update of the row (by anyone, to any values, the same document written back included), so that the
   * document need not be read to be checked; elsewhere the hash of the document as the database returns it.
   */
  private record Fingerprint(String processId, String stage, long version, Instant updatedAt, long stamp,
      long stateVersion, @Nullable String startKey, int processVersion, @Nullable String owner,
      @Nullable String startedBy) {
    static Fingerprint of(Row row, long stamp) {
      return new Fingerprint(row.processId, row.stage, row.version, row.updatedAt, stamp, row.stateVersion,
          row.startKey, row.processVersion, row.owner, row.startedBy);
    }

    /**
     * Whether {@code other} is the same row: {@link #equals}, written out with the numbers first, as it runs on every
     * read of a recent deal (a record's generated {@code equals} goes through method handles).
     */
    boolean matches(Fingerprint other) {
      return stamp == other.stamp && version == other.version && stateVersion == other.stateVersion
          && processVersion == other.processVersion && updatedAt.equals(other.updatedAt)
          && stage.equals(other.stage) && processId.equals(other.processId)
          && Objects.equals(startKey, other.startKey) && Objects.equals(owner, other.owner)
          && Objects.equals(startedBy, other.startedBy);
    }
  }

  private void remember(Deal deal, Fingerprint row) {
    if (recent != null) {
      recent.put(deal.id(), new Cached(deal, row));
    }
  }

  /**
   * Keeps a deal whose state document was just written. On PostgreSQL the write returned the row's {@code xmin}; a
   * text column returns the document as written, so its hash is known; otherwise ({@code jsonb} returns the document
   * rewritten) the deal is read afresh next time instead.
   *
   * @param xmin the row's {@code xmin} as the write returned it, or -1
   */
  private void rememberWritten(Deal deal, Instant updatedAt, String state, long stateVersion, long xmin) {
    long stamp;
    if (sql.xmin && xmin >= 0) {
      stamp = xmin;
    } else if (!sql.xmin && !sql.jsonb) {
      stamp = hash(state);
    } else {
      forget(deal.id());
      return;
    }
    remember(deal, new Fingerprint(deal.processId(), deal.stage(), deal.version(),
        updatedAt.truncatedTo(ChronoUnit.MICROS), stamp, stateVersion, deal.startKey(), deal.processVersion(),
        deal.owner(), deal.startedBy()));
  }

  private void forget(String dealId) {
    if (recent != null) {
      recent.invalidate(dealId);
    }
  }

  /** A 64-bit FNV-1a hash of a state document: equal documents, equal hashes; a change shows with near certainty. */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** How many times a deal's whole history was read; the recent deals exist to keep this low. */
  long fullReads() {
    return counters.fullReads.sum();
  }

  /** How many appends wrote the deal's whole state, because the new facts did not follow from the event alone. */
  long stateWrites() {
    return counters.stateWrites.sum();
  }

  /** What the store counts, for tests; shared by a store and its joined views. */
  private static final class Counters {
    final LongAdder fullReads = new LongAdder();
    final LongAdder stateWrites = new LongAdder();
  }

  /** How many deals the store holds in memory now. */
  long cachedDeals() {
    if (recent == null) {
      return 0;
    }
    recent.cleanUp();
    return recent.estimatedSize();
  }

  // ---------------------------------------------------------------- reading one deal

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails, or the deal is stored but cannot be read: the message names
   *     the deal, the table and what is wrong
   */
  @Override
  public Optional<Deal> find(String dealId) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    if (sql.xmin) {
      unchecked.set(null); // a checked read: an append after it checks the version, as the read checked the row
    }
    Connection c = acquire("read deal '" + dealId + "'");
    try {
      prepareForReading(c);
      boolean joined = connections.inApplicationTransaction(c);
      Cached known = recent == null ? null : recent.getIfPresent(dealId);
      Found found = selectRow(c, dealId, known);
      if (found != null && found.stateLeftOut() && (known == null || !known.row.matches(found.fingerprint()))) {
        found = selectRow(c, dealId, null); // the xmin is the copy's, another column is not: read the whole row
      }
      if (found == null) {
        if (!joined) {
          forget(dealId);
        }
        return Optional.empty();
      }
      Row row = found.row();
      Fingerprint fingerprint = found.fingerprint();
      Deal deal;
      if (known != null && known.row.matches(fingerprint)) {
        lastSeen.set(known.deal);
        return Optional.of(known.deal);
      } else if (known != null && row.version > known.deal.version()
          && row.processId.equals(known.deal.processId())) {
        deal = newer(c, known, row, fingerprint, !sql.xmin);
      } else {
        counters.fullReads.increment();
        Problems problems = new Problems();
        Map<String, List<TransitionRecord>> histories = histories(c, Map.of(dealId, row), problems);
        String problem = problems.of(dealId);
        if (problem != null) {
          throw new JdbcStoreException("deal '" + dealId + "' cannot be read: " + problem, dealId,
              problems.cause(dealId));
        }
        deal = row.toDeal(histories.getOrDefault(dealId, List.of()));
      }
      if (!joined && recent != null) {
        recent.put(dealId, new Cached(deal, fingerprint));
      }
      lastSeen.set(deal);
      return Optional.of(deal);
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read deal '" + dealId + "' from the database: " + e.getMessage()
          + "; check the database connection and try again", dealId, e);
    } finally {
      release(c);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>On PostgreSQL, a recent deal whose row's {@code xmin} the store knows (it read or wrote the row last, outside
   * any transaction of the application's); otherwise empty, and {@link #find(String)} reads as usual. The next
   * {@link #append} of the copy's next version on this thread adds {@code AND xmin = ?} to its version-checked
   * {@code UPDATE}: any change of the row since the copy was made, by any writer and to any values, the same values
   * written back included, makes it update nothing, and the store then drops the copy and throws
   * {@link DealVersionConflictException}, having written nothing. So firing at a recent deal costs no read.
   */
  @Override
  public Optional<Deal> findUnchecked(String dealId) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    if (!sql.xmin || recent == null) {
      return Optional.empty();
    }
    unchecked.set(null);
    Cached known = recent.getIfPresent(dealId);
    if (known == null || known.row.stamp() < 0 || inApplicationTransaction()) {
      return Optional.empty();
    }
    unchecked.set(known);
    lastSeen.set(known.deal);
    return Optional.of(known.deal);
  }

  /**
   * Whether a call now would run in a transaction of the application's, where the store keeps no copies. The
   * default provider never joins one, so it is not asked for a connection.
   */
  private boolean inApplicationTransaction() {
    if (connections instanceof DataSourceConnections) {
      return false;
    }
    Connection c;
    try {
      c = connections.acquire();
    } catch (SQLException e) {
      return true; // find reports what is wrong
    }
    try {
      return connections.inApplicationTransaction(c);
    } finally {
      release(c);
    }
  }

  /**
   * A deal row read by {@link #find}, with its fingerprint. On PostgreSQL the state document is left out (the row's
   * state an empty string, never to be decoded) when the row's {@code xmin} is the one of the copy at hand.
   */
  private record Found(Row row, Fingerprint fingerprint, boolean stateLeftOut) {}

  /**
   * Reads one deal row; null when there is none. On PostgreSQL, with a copy at hand, the database sends the state
   * document only if the row's {@code xmin} is no longer the copy's, so that checking an unchanged copy costs no
   * {@code jsonb} turned into text.
   */
  private @Nullable Found selectRow(Connection c, String dealId, @Nullable Cached known) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.findDeal)) {
      int i = 0;
      if (sql.xmin) {
        if (known != null && known.row.stamp() >= 0) {
          ps.setLong(++i, known.row.stamp());
        } else {
          ps.setNull(++i, Types.BIGINT);
        }
      }
      ps.setString(++i, dealId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        if (!sql.xmin) {
          Row row = row(rs);
          return new Found(row, Fingerprint.of(row, hash(row.state)), false);
        }
        OffsetDateTime updatedAt = rs.getObject(5, OffsetDateTime.class);
        String state = rs.getString(6);
        Row row = new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            updatedAt == null ? Instant.EPOCH : updatedAt.toInstant(), state == null ? "" : state, rs.getString(7),
            rs.getLong(8), rs.getInt(9), rs.getString(10), rs.getString(11));
        return new Found(row, Fingerprint.of(row, rs.getLong(12)), state == null);
      }
    }
  }

  /**
   * A known deal brought up to its row: the history rows other writers added after it are read and appended, and
   * their events replayed on the known facts; or, if the row's state document changed since (by hand, or because a
   * writer stored new state), on that document's.
   *
   * @param stampIsStateHash whether the fingerprints' stamps are hashes of the state document, which tell whether it
   *     changed; an {@code xmin} does not (it changes with every write), so the document is replayed
   */
  private static Deal newer(Connection c, Cached known, Row row, Fingerprint fingerprint, boolean stampIsStateHash)
      throws SQLException {
    TransitionHistory history = known.deal.history();
    List<TransitionRecord> added = new ArrayList<>();
    long expect = known.deal.version() + 1;
    try (PreparedStatement ps = c.prepareStatement("SELECT " + TRANSITION_COLUMNS + " FROM salesflow_transitions"
        + " WHERE deal_id = ? AND version > ? AND version <= ? ORDER BY version")) {
      ps.setString(1, row.id);
      ps.setLong(2, known.deal.version());
      ps.setLong(3, row.version);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long version = rs.getLong(2);
          if (version != expect) {
            throw new JdbcStoreException(missingRow(row, expect), row.id, null);
          }
          TransitionRecord record = transition(rs);
          history = appendTo(history, row.id, record);
          added.add(record);
          expect++;
        }
      }
    }
    if (expect != row.version + 1) {
      throw new JdbcStoreException(missingRow(row, expect), row.id, null);
    }
    boolean sameState = stampIsStateHash && fingerprint.stamp() == known.row.stamp()
        && fingerprint.stateVersion() == known.row.stateVersion() && row.stateVersion <= known.deal.version();
    return sameState ? row.continued(history, known.deal, added) : row.replayed(history, history.asList());
  }

  private static TransitionHistory appendTo(TransitionHistory history, String dealId, TransitionRecord record) {
    try {
      return history.append(record);
    } catch (IllegalArgumentException e) {
      throw new JdbcStoreException("deal '" + dealId + "': history row " + record.version() + " in"
          + " salesflow_transitions does not continue the rows before it: " + e.getMessage()
          + "; was the table changed by hand?", dealId, e);
    }
  }

  private static String missingRow(Row row, long version) {
    return "deal '" + row.id + "' cannot be read: its row in salesflow_deals is at version " + row.version
        + ", but history row " + version + " is missing from salesflow_transitions; was the table changed by hand?"
        + " Restore the row from a backup, or set the deal's version to the last complete history row";
  }

  // ---------------------------------------------------------------- bulk queries

  @Override
  public List<Deal> findByProcess(String processId) {
    return findByProcess(processId, JdbcDealStore::warn);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database fails; an unreadable deal is reported, not thrown
   */
  @Override
  public List<Deal> findByProcess(String processId, Consumer<? super Unreadable> onUnreadable) {
    Objects.requireNonNull(processId, "processId must not be null");
    Objects.requireNonNull(onUnreadable, "onUnreadable must not be null");
    return query("WHERE d.process_id = ?", List.of(processId), onUnreadable);
  }

  @Override
  public List<Deal> findByStage(String processId, String stageId) {
    return findByStage(processId, stageId, JdbcDealStore::warn);
  }

  @Override
  public List<Deal> findByStage(String processId, String stageId, Consumer<? super Unreadable> onUnreadable) {
    Objects.requireNonNull(processId, "processId must not be null");
    Objects.requireNonNull(stageId, "stageId must not be null");
    Objects.requireNonNull(onUnreadable, "onUnreadable must not be null");
    return query("WHERE d.process_id = ? AND d.stage = ?", List.of(processId, stageId), onUnreadable);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answered by an indexed query on {@code (process_id, stage, entered_stage_at)}. An unreadable deal is left out
   * and logged as a warning.
   */
  @Override
  public List<Deal> findStalled(String processId, String stageId, Duration threshold, Instant now) {
    return below("entered_stage_at", processId, stageId, threshold, now, Deal::enteredStageAt);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answered by an indexed query on {@code (process_id, stage, follow_up_due_from)}. An unreadable deal is left
   * out and logged as a warning.
   */
  @Override
  public List<Deal> findFollowUpsOverdue(String processId, String stageId, Duration interval, Instant now) {
    return below("follow_up_due_from", processId, stageId, interval, now, Deal::followUpDueFrom);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answered by an indexed query on {@code (process_id, process_version, id)}, in the database's order of ids.
   */
  @Override
  public Page findByProcessVersion(String processId, int processVersion, @Nullable String after, int limit,
      Consumer<? super Unreadable> onUnreadable) {
    Objects.requireNonNull(processId, "processId must not be null");
    Objects.requireNonNull(onUnreadable, "onUnreadable must not be null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
    }
    List<Object> parameters = new ArrayList<>(List.of(processId, processVersion));
    String where = "WHERE process_id = ? AND process_version = ?";
    if (after != null) {
      where += " AND id > ?";
      parameters.add(after);
    }
    // the limit is a checked int, written into the statement: FETCH FIRST takes no parameter on every database
    Read read = read(where + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", parameters, onUnreadable);
    return new Page(read.deals(), read.rows() < limit ? null : read.lastId());
  }

  private static void warn(Unreadable unreadable) {
    LOG.warn("{}; it is left out of the query's result", unreadable);
  }

  private List<Deal> below(String column, String processId, String stageId, Duration duration, Instant now,
      Function<Deal, Instant> instant) {
    Objects.requireNonNull(processId, "processId must not be null");
    Objects.requireNonNull(stageId, "stageId must not be null");
    Objects.requireNonNull(duration, "duration must not be null");
    Objects.requireNonNull(now, "now must not be null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the duration must not be negative, but was " + duration);
    }
    Instant cutoff = now.minus(duration);
    // The column holds microseconds: select up to the cutoff's microsecond, then compare the exact instants.
    OffsetDateTime bound = utc(cutoff.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS));
    List<Deal> deals = query("WHERE d.process_id = ? AND d.stage = ? AND d." + column + " < ?",
        List.of(processId, stageId, bound), JdbcDealStore::warn);
    return deals.stream()
        .filter(d -> instant.apply(d).isBefore(cutoff))
        .sorted(Comparator.comparing(instant).thenComparing(Deal::id))
        .toList();
  }

  /**
   * Loads the deals matching a condition on {@code salesflow_deals d}, each with its history up to the version read,
   * in one statement (the deal rows joined to their history rows, so one snapshot of the database), streamed; reports
   * unreadable ones. The state document comes with the deal's first history row only.
   */
  private List<Deal> query(String where, List<Object> parameters, Consumer<? super Unreadable> onUnreadable) {
    Connection c = acquire("read deals");
    Problems problems = new Problems();
    List<Deal> deals;
    boolean ownTransaction = false;
    try {
      prepareForReading(c);
      if (!(connections instanceof JoinedConnection) && !connections.inApplicationTransaction(c)) {
        c.setAutoCommit(false); // so that PostgreSQL streams the rows in batches of the fetch size
        ownTransaction = true;
      }
      Map<String, Pending> pending = new LinkedHashMap<>();
      Names names = new Names(sql.jsonb);
      Undecoded undecoded = new Undecoded();
      // deals whose rows came, to be decoded together: on H2 many deals' documents are read by one parser
      List<Pending> waiting = new ArrayList<>();
      int decodeEvery = names.jsonb ? 1 : DEALS_DECODED_TOGETHER;
      try (PreparedStatement ps = c.prepareStatement((sql.jsonb ? JOINED_ONCE : JOINED) + where)) {
        ps.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < parameters.size(); i++) {
          ps.setObject(i + 1, parameters.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          Pending current = null;
          byte[] currentId = null;
          while (rs.next()) {
            // on PostgreSQL the id's bytes as received tell a row of the same deal without decoding them again
            byte[] idBytes = names.jsonb ? rs.getBytes(1) : null;
            Pending deal;
            if (current != null && idBytes != null && java.util.Arrays.equals(idBytes, currentId)) {
              deal = current;
            } else {
              String id = rs.getString(1);
              deal = current != null && current.id.equals(id) ? current : pending.get(id);
              if (deal == null) {
                deal = new Pending(rs);
                pending.put(id, deal);
              }
            }
            currentId = idBytes;
            if (deal != current) {
              if (current != null) {
                // a deal's rows come one after the other: its history rows read are decoded together (with those of
                // the deals before it that wait), and the deal is built then, so that only the deal stays in memory
                // while the query goes on, not its rows
                current.queue(undecoded, waiting);
              }
              if (deal.waiting || waiting.size() >= decodeEvery) {
                // a row of a deal that waits, which comes in a query whose rows come in another order: its rows so
                // far are decoded first, so that each deal's rows taken in and not decoded are one after the other
                decode(waiting, undecoded, names);
              }
              deal.from = undecoded.count;
              current = deal;
            }
            deal.add(rs, names, undecoded);
          }
          if (current != null) {
            current.queue(undecoded, waiting);
          }
          decode(waiting, undecoded, names);
        }
      }
      if (ownTransaction) {
        c.commit();
      }
      deals = new ArrayList<>(pending.size());
      for (Pending deal : pending.values()) {
        try {
          deals.add(deal.toDeal());
        } catch (JdbcStoreException e) {
          problems.add(deal.id, e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read deals from the database: " + e.getMessage()
          + "; check the database connection and try again", null, e);
    } finally {
      if (ownTransaction) {
        rollbackQuietly(c);
        restoreAutoCommit(c, true);
      }
      release(c);
    }
    problems.report(onUnreadable);
    return deals;
  }

  /** Ends a read-only transaction that a failure left open; nothing was written in it. */
  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      LOG.debug("could not end a read: {}", e.toString());
    }
  }

  /**
   * How many deals of a bulk query on H2 are decoded together, with one parser for their documents: a parser and its
   * contexts weigh about what a history row's payload does.
   */
  private static final int DEALS_DECODED_TOGETHER = 64;

  /**
   * Decodes the history rows and state documents of the deals that wait, and builds each; on H2 their documents are
   * read by one parser (each document not in the store's own form, and those of its deal after it, then on its own,
   * the usual way), on PostgreSQL, where only one deal waits, its payloads by one parser as their UTF-8 bytes.
   */
  private static void decode(List<Pending> waiting, Undecoded batch, Names names) {
    int deals = waiting.size();
    if (deals == 0) {
      return;
    }
    Documents.Payload[] payloads = new Documents.Payload[batch.count];
    if (names.jsonb) {
      for (Pending deal : waiting) {
        if (deal.count > 1) {
          // one deal waits, its rows the batch's first ones
          Object[] documents = deal.from == 0 ? batch.payloads
              : java.util.Arrays.copyOfRange(batch.payloads, deal.from, deal.from + deal.count);
          System.arraycopy(Documents.readPayloads(documents, deal.count), 0, payloads, deal.from, deal.count);
        }
      }
    } else {
      String[] states = new String[deals];
      Documents.State[] statesRead = new Documents.State[deals];
      int[] from = new int[deals];
      int[] counts = new int[deals];
      for (int d = 0; d < deals; d++) {
        Pending deal = waiting.get(d);
        states[d] = deal.readState == null ? deal.state : null;
        from[d] = deal.from;
        counts[d] = deal.count;
      }
      for (int d = 0; d < deals; d = 1 + Documents.readDeals(states, batch.payloads, from, counts, d, deals,
          statesRead, payloads)) {
        // from the deal after the one whose documents could not all be read, with a new parser
      }
      for (int d = 0; d < deals; d++) {
        if (statesRead[d] != null) {
          waiting.get(d).readState = statesRead[d];
        }
      }
    }
    for (Pending deal : waiting) {
      deal.decode(batch, payloads);
      deal.waiting = false;
      deal.build();
    }
    waiting.clear();
    batch.clear();
  }

  /** How many rows a bulk query fetches at a time: enough to amortise the round trip, few enough to stream. */
  private static final int FETCH_SIZE = 1_000;

  /**
   * The deal rows and their history rows, in one statement: columns 1 to 11 as {@link #DEAL_COLUMNS} (the state only
   * on the row of history version 1, or on the only row of a deal without history), 12 to 18 the history row
   * without its deal id. Followed by a condition on {@code d}.
   */
  private static final String JOINED = "SELECT d.id, d.process_id, d.stage, d.version, d.updated_at,"
      + " CASE WHEN t.version IS NULL OR t.version = 1 THEN d.state END, d.start_key, d.state_version,"
      + " d.process_version, d.owner, d.started_by,"
      + " t.version, t.from_stage, t.to_stage, t.is_internal, t.payload, t.idempotency_key, t.actor"
      + " FROM salesflow_deals d LEFT JOIN salesflow_transitions t ON t.deal_id = d.id AND t.version <= d.version ";

  /**
   * {@link #JOINED} with every deal column but the id and the version only on the row that carries the state: the
   * PostgreSQL driver makes an array of every value a row brings, so the deal's columns repeated on each of its
   * history rows cost a bulk read more than their decoding.
   */
  private static final String JOINED_ONCE = "SELECT d.id, " + once("d.process_id") + ", " + once("d.stage")
      + ", d.version, " + once("d.updated_at") + ", " + once("d.state") + ", " + once("d.start_key") + ", "
      + once("d.state_version") + ", " + once("d.process_version") + ", " + once("d.owner") + ", "
      + once("d.started_by") + ","
      + " t.version, t.from_stage, t.to_stage, t.is_internal, t.payload, t.idempotency_key, t.actor"
      + " FROM salesflow_deals d LEFT JOIN salesflow_transitions t ON t.deal_id = d.id AND t.version <= d.version ";

  /** A deal column of a joined query, given only on the row that carries the state. */
  private static String once(String column) {
    return "CASE WHEN t.version IS NULL OR t.version = 1 THEN " + column + " END";
  }

  /**
   * One deal of a joined query while its rows come in, in any order: its deal columns, its state document once the
   * row that carries it came, and each history row decoded into its place, or what was wrong with it.
   */
  private static final class Pending {
    final String id;
    private final long version;
    /**
     * The deal's other columns, taken from the row that carries the state (history version 1, or the only row of a
     * deal without history): on PostgreSQL the other rows leave them out. A deal whose rows lack that one is missing
     * history row 1, which is what it is reported for, so these are never used unset.
     */
    private @Nullable String processId;
    private @Nullable String stage;
    private @Nullable String state;
    /** The state document read together with other documents, or null if it was not (then it is read on its own). */
    private Documents.@Nullable State readState;
    /** Whether its rows taken in wait to be decoded with those of other deals. */
    private boolean waiting;
    /** Where its rows taken in and not decoded yet are in the query's {@link Undecoded}, and how many there are. */
    private int from;
    private int count;
    private @Nullable String startKey;
    private long stateVersion;
    private int processVersion;
    private @Nullable String owner;
    private @Nullable String startedBy;
    /** History row {@code v} at index {@code v - 1}: null while missing; grown as rows come. */
    private @Nullable TransitionRecord[] records;
    /** The first problem by history version, and its version; {@code Long.MAX_VALUE} when none. */
    private long problemVersion = Long.MAX_VALUE;
    private @Nullable JdbcStoreException problem;
    /** A history row outside 1 to the deal's version, which the rows of a sound deal never have. */
    private boolean strayRow;
    /**
     * The deal, built by {@link #build()} once its rows came (its history records are then let go of); null before,
     * and when its rows so far did not make a readable deal, which {@link #toDeal()} then says why at the end.
     */
    private @Nullable Deal built;

    Pending(ResultSet rs) throws SQLException {
      this.id = rs.getString(1);
      this.version = rs.getLong(4);
      this.records = new TransitionRecord[(int) Math.max(0, Math.min(version, 16))];
    }

    /** Takes in the deal's columns and its state document from the row that carries them. */
    private void columns(ResultSet rs, Names names) throws SQLException {
      // not updated_at: it only tells the recent deals' copies apart, which a bulk read neither keeps nor checks
      this.processId = names.of(rs, 2);
      this.stage = names.of(rs, 3);
      this.state = rs.getString(6);
      this.startKey = rs.getString(7);
      this.stateVersion = rs.getLong(8);
      this.processVersion = rs.getInt(9);
      this.owner = rs.getString(10);
      this.startedBy = rs.getString(11);
    }

    /** Puts the deal among those that wait to be decoded, its rows taken in being the last ones of the batch. */
    void queue(Undecoded batch, List<Pending> waiting) {
      count = batch.count - from;
      if (!this.waiting) {
        this.waiting = true;
        waiting.add(this);
      }
    }

    /**
     * Takes in one row of the query: the state document if it has it, and its history row if any, which is decoded
     * with the others taken in since by {@link #decode(Undecoded, Documents.Payload[])}.
     */
    void add(ResultSet rs, Names names, Undecoded batch) throws SQLException {
      if (built != null) {
        reopen(); // a row after the deal was built, which the rows of a sound deal never bring: read it as before
      }
      long v = rs.getLong(12);
      boolean noHistoryRow = rs.wasNull();
      if (noHistoryRow || v == 1) {
        columns(rs, names);
      }
      if (noHistoryRow) {
        return;
      }
      if (v < 1 || v > version || v > Integer.MAX_VALUE - 8) {
        strayRow = true;
        return;
      }
      if (v > records.length) {
        records = java.util.Arrays.copyOf(records, (int) Math.min(version, Math.max(v, 2L * records.length)));
      }
      if (v > problemVersion) {
        return; // the deal is unreadable already, for an earlier row
      }
      batch.add(v, names.of(rs, 13), names.of(rs, 14), rs.getString(17), rs.getString(18), rs.getBoolean(15),
          names.jsonb ? rs.getBytes(16) : rs.getString(16));
    }

    /**
     * Decodes its history rows taken in since it last waited, with their payloads as read together with other
     * documents where not null, and each other one the usual way, which says what is wrong.
     */
    void decode(Undecoded batch, Documents.@Nullable Payload[] payloads) {
      for (int i = from; i < from + count; i++) {
        long v = batch.versions[i];
        int c = 4 * i;
        String fromStage = batch.columns[c];
        String toStage = batch.columns[c + 1];
        String idempotencyKey = batch.columns[c + 2];
        String actor = batch.columns[c + 3];
        Object document = batch.payloads[i];
        if (v > problemVersion) {
          continue; // the deal is unreadable already, for an earlier row
        }
        try {
          records[(int) v - 1] = transition(v, fromStage, toStage, batch.internal[i], document, payloads[i],
              idempotencyKey, actor);
        } catch (JdbcStoreException e) {
          problemVersion = v;
          problem = e;
        }
      }
    }

    /**
     * Builds the deal from the rows taken in and decoded so far, and lets go of its history records, if they make a
     * readable deal; otherwise keeps them, for {@link #toDeal()} to try again once every row came.
     */
    void build() {
      if (built != null || strayRow || problem != null || state == null || records.length < version) {
        return;
      }
      for (TransitionRecord record : records) {
        if (record == null) {
          return; // a row still to come, in a query whose rows come in another order: built at the end
        }
      }
      try {
        built = toDeal();
        records = NO_RECORDS;
        readState = null; // read again from its document if the deal is reopened
      } catch (JdbcStoreException e) {
        // not readable from the rows so far: toDeal() says why once the query ends, if no later row mends it
      }
    }

    /** Takes back the history records of the deal built, to go on with a row that came after it was built. */
    private void reopen() {
      records = Objects.requireNonNull(built).history().asList().toArray(NO_RECORDS);
      built = null;
    }

    /**
     * The record of one history row: its payload as read together with the others, or else read from its document
     * alone; on PostgreSQL, whose driver hands over the UTF-8 bytes of the {@code jsonb} document's text, from them
     * directly when it is in the store's own form, and from its text otherwise.
     */
    private TransitionRecord transition(long v, String from, String to, boolean internal,
        @Nullable Object document, Documents.@Nullable Payload payload, @Nullable String idempotencyKey,
        @Nullable String actor) {
      Documents.Payload read = payload;
      if (read == null && document instanceof byte[] utf8 && utf8.length > 0 && utf8[0] == '{') {
        read = Documents.readPayloadDirect(utf8);
      }
      if (read == null) {
        String json = document instanceof byte[] utf8 ? new String(utf8, StandardCharsets.UTF_8) : (String) document;
        return JdbcDealStore.transition(id, v, from, to, internal, json, idempotencyKey, actor);
      }
      return record(id, v, from, to, internal, read, idempotencyKey, actor);
    }

    /** The deal, once every row came. */
    Deal toDeal() {
      if (built != null) {
        return built;
      }
      Row row = new Row(id, processId, stage, version, Instant.EPOCH, state == null ? "" : state, startKey,
          stateVersion, processVersion, owner, startedBy);
      if (strayRow) {
        throw new JdbcStoreException(missingRow(row, 1), id, null);
      }
      for (long v = 1; v <= version; v++) {
        if (v == problemVersion) {
          throw Objects.requireNonNull(problem);
        }
        if (v > records.length || records[(int) v - 1] == null) {
          throw new JdbcStoreException(missingRow(row, v), id, null);
        }
      }
      if (state == null) {
        throw row.damaged("its state document is missing", null);
      }
      return row.toDeal(java.util.Arrays.asList(records).subList(0, (int) version), readState);
    }
  }

  /** The history records of a deal that has none, or whose records its built deal holds. */
  private static final TransitionRecord[] NO_RECORDS = new TransitionRecord[0];

  /**
   * The history rows of the deals that wait and of the deal whose rows are coming, taken in but not decoded yet, which
   * {@link JdbcDealStore#decode(List, Undecoded, Names)} reads together: their versions, columns and payload documents
   * (texts, or on PostgreSQL the UTF-8 bytes of the {@code jsonb} document's text), each deal's one after the other.
   * One per query, reused from batch to batch.
   */
  private static final class Undecoded {
    long[] versions = new long[8];
    /** Per row taken in: its from stage, to stage, idempotency key and actor. */
    @Nullable String[] columns = new String[4 * 8];
    boolean[] internal = new boolean[8];
    @Nullable Object[] payloads = new Object[8];
    int count;

    void add(long version, @Nullable String from, @Nullable String to, @Nullable String idempotencyKey,
        @Nullable String actor, boolean isInternal, @Nullable Object payload) {
      if (count == versions.length) {
        int grown = 2 * count;
        versions = java.util.Arrays.copyOf(versions, grown);
        columns = java.util.Arrays.copyOf(columns, 4 * grown);
        internal = java.util.Arrays.copyOf(internal, grown);
        payloads = java.util.Arrays.copyOf(payloads, grown);
      }
      versions[count] = version;
      int c = 4 * count;
      columns[c] = from;
      columns[c + 1] = to;
      columns[c + 2] = idempotencyKey;
      columns[c + 3] = actor;
      internal[count] = isInternal;
      payloads[count] = payload;
      count++;
    }

    /** Lets go of the rows decoded, so that the documents and names are not kept until the next deal's rows. */
    void clear() {
      java.util.Arrays.fill(columns, 0, 4 * count, null);
      java.util.Arrays.fill(payloads, 0, count, null);
      count = 0;
    }
  }

  /**
   * One copy of each process and stage id a bulk query reads, for all the deals and history records that name it:
   * the driver makes a new string for every row, and the deals read keep hundreds of thousands of them.
   */
  private static final class Names {
    /** Ids kept at most: a process has a few dozen stages, so this only bounds a query over damaged rows. */
    private static final int MAX = 4_096;
    private final Map<String, String> names = new HashMap<>();
    /** Whether the documents are PostgreSQL {@code jsonb}. */
    final boolean jsonb;

    /** On PostgreSQL, the bytes the driver received for each of the first names met, and the name. */
    private final byte[][] knownBytes = new byte[64][];
    private final String[] knownNames = new String[64];
    private int known;

    Names(boolean jsonb) {
      this.jsonb = jsonb;
    }

    /**
     * The name in a column of the current row. On PostgreSQL a name met before is found by the bytes the driver
     * received for it, without decoding them into a new string; the driver decodes each other one as usual.
     */
    @Nullable String of(ResultSet rs, int column) throws SQLException {
      if (!jsonb) {
        return of(rs.getString(column));
      }
      byte[] bytes = rs.getBytes(column);
      if (bytes == null) {
        return of(rs.getString(column));
      }
      for (int i = 0; i < known; i++) {
        if (java.util.Arrays.equals(knownBytes[i], bytes)) {
          return knownNames[i];
        }
      }
      String name = of(rs.getString(column));
      if (name != null && known < knownBytes.length) {
        knownBytes[known] = bytes.clone();
        knownNames[known++] = name;
      }
      return name;
    }

    @Nullable String of(@Nullable String name) {
      if (name == null) {
        return null;
      }
      String known = names.get(name);
      if (known != null) {
        return known;
      }
      if (names.size() < MAX) {
        names.put(name, name);
      }
      return name;
    }
  }

  /** What a query read: the readable deals in the rows' order, and the number and last id of the rows it matched. */
  private record Read(List<Deal> deals, int rows, @Nullable String lastId) {}

  private Read read(String where, List<Object> parameters, Consumer<? super Unreadable> onUnreadable) {
    Connection c = acquire("read deals");
    Problems problems = new Problems();
    List<Deal> deals;
    String lastId = null;
    int matched;
    try {
      prepareForReading(c);
      Map<String, Row> rows = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + DEAL_COLUMNS + " FROM salesflow_deals " + where)) {
        for (int i = 0; i < parameters.size(); i++) {
          ps.setObject(i + 1, parameters.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Row row = row(rs);
            rows.put(row.id, row);
            lastId = row.id;
          }
        }
      }
      matched = rows.size();
      Map<String, List<TransitionRecord>> histories = histories(c, rows, problems);
      deals = new ArrayList<>(rows.size());
      for (Row row : rows.values()) {
        if (problems.of(row.id) != null) {
          continue;
        }
        try {
          deals.add(row.toDeal(histories.getOrDefault(row.id, List.of())));
        } catch (JdbcStoreException e) {
          problems.add(row.id, e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read deals from the database: " + e.getMessage()
          + "; check the database connection and try again", null, e);
    } finally {
      release(c);
    }
    problems.report(onUnreadable);
    return new Read(deals, matched, lastId);
  }

  /** The deals a read could not make sense of, each with the first problem found. */
  private static final class Problems {
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Map<String, Throwable> causes = new HashMap<>();

    void add(String dealId, String problem, @Nullable Throwable cause) {
      String prefix = "deal '" + dealId + "' cannot be read: "; // Unreadable says it, and find's message keeps it
      String what = problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
      if (problems.putIfAbsent(dealId, what) == null && cause != null) {
        causes.put(dealId, cause);
      }
    }

    @Nullable String of(String dealId) {
      return problems.get(dealId);
    }

    @Nullable Throwable cause(String dealId) {
      return causes.get(dealId);
    }

    void report(Consumer<? super Unreadable> onUnreadable) {
      problems.forEach((id, problem) -> onUnreadable.accept(new Unreadable(id, problem)));
    }
  }

  /**
   * Reads the history rows of the given deals, up to each deal's version (later rows are newer than the read), and
   * records a problem for each deal whose rows are missing, unreadable or do not follow each other.
   */
  private Map<String, List<TransitionRecord>> histories(Connection c, Map<String, Row> rows, Problems problems)
      throws SQLException {
    Map<String, List<TransitionRecord>> histories = new HashMap<>();
    List<String> ids = rows.values().stream().filter(r -> r.version > 0).map(r -> r.id).toList();
    for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
      String sql = "SELECT " + TRANSITION_COLUMNS + " FROM salesflow_transitions WHERE deal_id IN ("
          + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY deal_id, version";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(1);
            long version = rs.getLong(2);
            Row row = rows.get(id);
            if (version > row.version || problems.of(id) != null) {
              continue;
            }
            List<TransitionRecord> history = histories.computeIfAbsent(id, k -> new ArrayList<>());
            if (version != history.size() + 1) {
              problems.add(id, missingRow(row, history.size() + 1), null);
              continue;
            }
            try {
              history.add(transition(rs));
            } catch (JdbcStoreException e) {
              problems.add(id, e.getMessage(), e.getCause());
            }
          }
        }
      }
    }
    for (String id : ids) {
      Row row = rows.get(id);
      int found = histories.getOrDefault(id, List.of()).size();
      if (problems.of(id) == null && found != row.version) {
        problems.add(id, missingRow(row, found + 1), null);
      }
    }
    return histories;
  }

  /** Reads one history row, selected as {@link #TRANSITION_COLUMNS}. */
  private static TransitionRecord transition(ResultSet rs) throws SQLException {
    return transition(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
        rs.getString(6), rs.getString(7), rs.getString(8));
  }

  /** Makes the record of one history row from its columns. */
  private static TransitionRecord transition(String id, long version, String from, String to, boolean internal,
      String payloadJson, @Nullable String idempotencyKey, @Nullable String actor) {
    return record(id, version, from, to, internal, readPayload(id, version, payloadJson), idempotencyKey, actor);
  }

  /** Makes the record of one history row from its columns and its payload read. */
  private static TransitionRecord record(String id, long version, String from, String to, boolean internal,
      Documents.Payload payload, @Nullable String idempotencyKey, @Nullable String actor) {
    try {
      return new TransitionRecord(version, from, to, payload.event(), payload.at(), internal, idempotencyKey, actor);
    } catch (RuntimeException e) {
      throw new JdbcStoreException("deal '" + id + "' cannot be read: history row " + version + " in"
          + " salesflow_transitions is invalid: " + e.getMessage() + "; was the table changed by hand?", id, e);
    }
  }

  private static Documents.Payload readPayload(String dealId, long version, String json) {
    try {
      return Documents.readPayload(json);
    } catch (RuntimeException e) {
      throw new JdbcStoreException("deal '" + dealId + "' cannot be read: the payload of history row " + version
          + " in salesflow_transitions is damaged: " + e.getMessage() + "; was it changed by hand, or written by a"
          + " newer Salesflow version?", dealId, e);
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    OffsetDateTime updatedAt = rs.getObject(5, OffsetDateTime.class);
    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
        updatedAt == null ? Instant.EPOCH : updatedAt.toInstant(), rs.getString(6), rs.getString(7), rs.getLong(8),
        rs.getInt(9), rs.getString(10), rs.getString(11));
  }

  private static String stateDocument(Deal deal) {
    return Documents.writeState(new Documents.State(deal.createdAt(), deal.enteredStageAt(), deal.facts()));
  }

  private static @Nullable Instant lastFollowUp(Deal deal) {
    return deal.facts().followUps().latest().map(FollowUp::at).orElse(null);
  }

  /**
   * The instant at offset UTC. Built from its epoch second, not with {@link OffsetDateTime#ofInstant}, which asks
   * the offset for its rules and so makes a new {@code ZoneRules} object for every timestamp written.
   */
  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
        ZoneOffset.UTC);
  }

  /** The value of a timestamp column: the instant to the microsecond, at offset UTC. */
  private static OffsetDateTime column(Instant instant) {
    return utc(instant.truncatedTo(ChronoUnit.MICROS));
  }

  private static void setInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, column(instant));
    }
  }

  /** Sets a timestamp column, reusing the column value of {@code known} when the instant is that one. */
  private static void setInstant(PreparedStatement ps, int index, Instant instant, Instant known,
      OffsetDateTime knownColumn) throws SQLException {
    ps.setObject(index, instant.equals(known) ? knownColumn : column(instant));
  }

  private static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /** Serialization failures, deadlocks and lock timeouts: the deal was being changed concurrently. */
  private static boolean isConcurrencyFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("40") || state.equals("HYT00") || state.equals("55P03"));
  }

  /**
   * Closes what the store opened itself: the connection pool of an {@link #h2File(Path)} store, which closes its
   * database. A store on your data source leaves it open (close your pool yourself); either way the recent deals are
   * dropped. The store must not be used afterwards.
   */
  @Override
  public void close() {
    if (connections instanceof JoinedConnection) {
      return; // a joined view: the store it came from owns the recent deals and the database
    }
    if (recent != null) {
      recent.invalidateAll();
    }
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new JdbcStoreException("could not close the store's database: " + e.getMessage(), null, e);
      }
    }
  }

  @Override
  public String toString() {
    return "JdbcDealStore{" + (connections instanceof JoinedConnection ? connections : dataSource) + "}";
  }

  /**
   * One deal row, before its history is attached. Its state document holds the deal's state at version
   * {@code stateVersion}; the events of the history rows after it make the rest.
   */
  private record Row(String id, String processId, String stage, long version, Instant updatedAt, String state,
      @Nullable String startKey, long stateVersion, int processVersion, @Nullable String owner,
      @Nullable String startedBy) {
    /** The deal of this row and its history rows, in order. */
    Deal toDeal(List<TransitionRecord> records) {
      return toDeal(records, null);
    }

    /** The deal of this row and its history rows, in order, with its state document already read if not null. */
    Deal toDeal(List<TransitionRecord> records, Documents.@Nullable State read) {
      TransitionHistory history;
      try {
        history = TransitionHistory.of(records);
      } catch (IllegalArgumentException e) {
        throw new JdbcStoreException("deal '" + id + "' cannot be read: its history rows in salesflow_transitions"
            + " do not follow each other: " + e.getMessage() + "; was the table changed by hand?", id, e);
      }
      return replayed(history, records, read);
    }

    /** The deal of this row: its state document, with the events of the records after its version replayed. */
    Deal replayed(TransitionHistory history, List<TransitionRecord> records) {
      return replayed(history, records, null);
    }

    private Deal replayed(TransitionHistory history, List<TransitionRecord> records, Documents.@Nullable State read) {
      if (stateVersion < 0 || stateVersion > version) {
        throw damaged("its state_version " + stateVersion + " is not between 0 and its version " + version, null);
      }
      Documents.State state = read;
      if (state == null) {
        try {
          state = Documents.readState(this.state);
        } catch (RuntimeException e) {
          throw damaged(e.getMessage(), e);
        }
      }
      return build(history, state.createdAt(), replay(state.facts(), state.enteredStageAt(),
          records.subList((int) stateVersion, records.size())));
    }

    /** The deal of this row, going on from a known copy of it with the records added since. */
    Deal continued(TransitionHistory history, Deal known, List<TransitionRecord> added) {
      return build(history, known.createdAt(), replay(known.facts(), known.enteredStageAt(), added));
    }

    /** The facts and stage entry after {@code records}, by the rules the engines apply them by. */
    private Replayed replay(DealFacts facts, Instant enteredStageAt, List<TransitionRecord> records) {
      DealFacts f = facts;
      Instant entered = enteredStageAt;
      for (TransitionRecord record : records) {
        try {
          f = f.apply(record.event());
        } catch (RuntimeException e) {
          throw new JdbcStoreException("deal '" + id + "' cannot be read: the event of history row "
              + record.version() + " in salesflow_transitions cannot be applied to the facts before it: "
              + e.getMessage() + "; was the table changed by hand?", id, e);
        }
        if (!record.internal()) {
          entered = record.at();
        }
      }
      return new Replayed(f, entered);
    }

    private Deal build(TransitionHistory history, Instant createdAt, Replayed replayed) {
      try {
        return Deal.builder()
            .id(id)
            .processId(processId)
            .stage(stage)
            .version(version)
            .createdAt(createdAt)
            .enteredStageAt(replayed.enteredStageAt())
            .facts(replayed.facts())
            .history(history)
            .startKey(startKey)
            .processVersion(processVersion)
            .owner(owner)
            .startedBy(startedBy)
            .build();
      } catch (RuntimeException e) {
        throw damaged(e.getMessage(), e);
      }
    }

    private JdbcStoreException damaged(@Nullable String problem, @Nullable Throwable cause) {
      return new JdbcStoreException("deal '" + id + "' cannot be read: its row in salesflow_deals is damaged: "
          + problem + "; was it written by a newer Salesflow version, or changed by hand?", id, cause);
    }
  }

  /** A deal's facts and stage entry, worked out by replaying events. */
  private record Replayed(DealFacts facts, Instant enteredStageAt) {}

  /**
   * Where the store gets its connections, and whether a connection is in a transaction the application controls.
   * The default takes a connection from the data source for each call and closes it afterwards, and runs each write
   * in a transaction of its own. A provider that hands out the connection of the application's current transaction
   * (Spring's {@code DataSourceUtils}, say) makes the store's writes part of that transaction.
   *
   * <p>When {@link #inApplicationTransaction(Connection)} is true for a connection, the store neither commits it, nor
   * rolls it back, nor changes its auto-commit; it undoes a write that fails part-way to a savepoint it set just
   * before, and it keeps no copy of a deal read or written in that transaction among its recent deals, so a
   * transaction that rolls back leaves nothing behind in the store.
   *
   * @since 0.1
   */
  public interface ConnectionProvider {
    /**
     * Returns a connection for one call of the store.
     *
     * @return an open connection
     * @throws SQLException if none can be had; the store reports it as a {@link JdbcStoreException}
     */
    Connection acquire() throws SQLException;

    /**
     * Gives back a connection {@link #acquire()} returned, once the call is done with it.
     *
     * @param connection the connection
     * @throws SQLException if releasing fails; the store logs it and carries on
     */
    void release(Connection connection) throws SQLException;

    /**
     * Tells whether a connection is in a transaction the application controls, which the store must join and must
     * not end.
     *
     * @param connection a connection {@link #acquire()} returned
     * @return true to join the application's transaction; false for the store to commit its own
     */
    boolean inApplicationTransaction(Connection connection);
  }

  /** The default provider: a connection per call from the data source, closed afterwards; never joined. */
  private static final class DataSourceConnections implements ConnectionProvider {
    private final DataSource dataSource;

    DataSourceConnections(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void release(Connection connection) throws SQLException {
      connection.close();
    }

    @Override
    public boolean inApplicationTransaction(Connection connection) {
      return false;
    }
  }

  /** The application's own connection: in its transaction whenever auto-commit is off; never closed here. */
  private static final class JoinedConnection implements ConnectionProvider {
    private final Connection connection;

    JoinedConnection(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Connection acquire() throws SQLException {
      if (connection.isClosed()) {
        throw new SQLException("the connection the store was joined to is closed");
      }
      return connection;
    }

    @Override
    public void release(Connection c) {
      // the application's: it stays open
    }

    @Override
    public boolean inApplicationTransaction(Connection c) {
      try {
        return !c.getAutoCommit();
      } catch (SQLException e) {
        return true; // never end a transaction the store cannot see
      }
    }

    @Override
    public String toString() {
      return "joined " + connection;
    }
  }

  /**
   * Configures a {@link JdbcDealStore}. Not thread-safe; the store it builds is.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable ConnectionProvider connections;
    private boolean migrate = true;
    private long cachedHistoryRecords = DEFAULT_CACHED_HISTORY_RECORDS;
    private @Nullable AutoCloseable owned;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    /**
     * Sets whether {@link #build()} creates or migrates the schema with Flyway; defaults to {@code true}. With
     * {@code false}, {@link #build()} only checks that the tables exist, and the schema is yours to manage (see
     * {@link JdbcDealStore#MIGRATIONS_LOCATION}).
     *
     * @param migrate whether to run the store's migrations when building
     * @return this builder
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Sets where the store gets the connections for its reads and writes, to take part in transactions the
     * application controls; by default it takes one from the data source per call and commits its own
     * transactions. The data source is still used for the schema migration. See {@link ConnectionProvider}.
     *
     * @param connections the provider, for example one on Spring's {@code DataSourceUtils}
     * @return this builder
     */
    public Builder connections(ConnectionProvider connections) {
      this.connections = Objects.requireNonNull(connections, "connections must not be null");
      return this;
    }

    /**
     * Bounds the memory the store's recent deals take, in history records: each deal kept weighs one plus the
     * length of its history, and the least valuable deals are dropped (Caffeine's size-based eviction) once the sum
     * would pass the bound. Defaults to 100,000, a few tens of megabytes at most. A kept deal is used only when its
     * row is unchanged since, so several nodes on one database stay consistent.
     *
     * @param historyRecords the bound; 0 turns the recent deals off, so that every read reads the whole history
     * @return this builder
     * @throws IllegalArgumentException if {@code historyRecords} is negative
     */
    public Builder cachedHistoryRecords(long historyRecords) {
      if (historyRecords < 0) {
        throw new IllegalArgumentException("cachedHistoryRecords must not be negative, but was " + historyRecords);
      }
      this.cachedHistoryRecords = historyRecords;
      return this;
    }

    /**
     * Bounds the store's recent deals by deals of about ten history records: the same as
     * {@link #cachedHistoryRecords(long) cachedHistoryRecords(recentDeals * 10)}.
     *
     * @param recentDeals how many deals of ten records to keep room for; 0 turns the recent deals off
     * @return this builder
     * @throws IllegalArgumentException if {@code recentDeals} is negative
     */
    public Builder recentDeals(int recentDeals) {
      if (recentDeals < 0) {
        throw new IllegalArgumentException("recentDeals must not be negative, but was " + recentDeals);
      }
      return cachedHistoryRecords(recentDeals * 10L);
    }

    /**
     * Builds the store, migrating the schema first unless told not to. Logs a warning when the data source is an H2
     * file database that writes commits late ({@code WRITE_DELAY} above 0), which loses acknowledged changes when
     * the process is killed.
     *
     * @return the store, thread-safe if the data source is
     * @throws JdbcStoreException if the migration fails
     * @throws IllegalStateException if migration is off and the store's tables are missing
     */
    public JdbcDealStore build() {
      Cache<String, Cached> recent = null;
      if (cachedHistoryRecords > 0) {
        recent = Caffeine.newBuilder()
            .maximumWeight(cachedHistoryRecords)
            .weigher((String id, Cached cached) -> (int) Math.min(Integer.MAX_VALUE, 1L + cached.deal.version()))
            .executor(Runnable::run) // evict on the writing thread: the bound holds when put returns
            .build();
      }
      ConnectionProvider provider = connections != null ? connections : new DataSourceConnections(dataSource);
      if (migrate) {
        JdbcDealStore.migrate(dataSource);
      }
      JdbcDealStore store = new JdbcDealStore(dataSource, provider, statements(dataSource), recent,
          new ThreadLocal<>(), new ThreadLocal<>(), owned, new Counters());
      String warning = delayedWritesWarning(dataSource);
      if (warning != null) {
        LOG.warn(warning);
      }
      return store;
    }
  }
}
