package io.salesflow.store.jdbc;

import io.salesflow.Deal;
import io.salesflow.DealFacts.FollowUp;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.TransitionHistory;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.store.DealStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * JdbcDataSource h2 = new JdbcDataSource();
 * h2.setURL("jdbc:h2:file:./data/deals");
 * DealStore store = JdbcDealStore.builder(h2).build();   // creates or migrates the schema
 * DealEngine engine = DealEngine.tableEngine().process(process).store(store).build();
 * }</pre>
 *
 * <p><b>Schema.</b> Two tables, {@code salesflow_deals} and {@code salesflow_transitions}, created and migrated by
 * Flyway from SQL in this jar ({@value #MIGRATIONS_LOCATION}), with its own history table
 * {@value #SCHEMA_HISTORY_TABLE}, so it lives beside the application's tables and the application's own Flyway
 * migrations. By default {@link Builder#build()} migrates; build with {@link Builder#migrate(boolean) migrate(false)}
 * when the schema is managed elsewhere, and call {@link #migrate()} when you choose. Deal facts and event payloads
 * are JSON text columns, written and read by the store itself: no Java serialization, no JSON library needed.
 *
 * <p><b>Transactions.</b> {@link #append(Deal, TransitionRecord)} updates the deal row with its version checked
 * ({@code UPDATE … WHERE id = ? AND version = ?}) and inserts the history row in one transaction; a stale version
 * throws {@link DealVersionConflictException} and writes nothing. Reads take the deal row and then exactly the
 * history rows up to its version, so they never see half a transition. Instants round-trip exactly; the timestamp
 * columns that the stalled and overdue-follow-up queries use are stored to the microsecond.
 *
 * <p><b>Thread safety.</b> Thread-safe if the data source is (connection pools and the H2 and PostgreSQL data sources
 * are): the store keeps no state besides it and borrows one connection per call. Several stores, in one JVM or on
 * several nodes, may share one database.
 *
 * @since 0.1
 */
public final class JdbcDealStore implements DealStore {
  /** Where the store's Flyway migrations are on the class path, to run them from your own Flyway set-up. */
  public static final String MIGRATIONS_LOCATION = "classpath:io/salesflow/store/jdbc/migration";

  /** The name of the table in which Flyway records the store's migrations. */
  public static final String SCHEMA_HISTORY_TABLE = "salesflow_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcDealStore.class);
  private static final int IN_LIST_CHUNK = 500;

  private static final String DEAL_COLUMNS = "id, process_id, stage, version, state";
  private static final String INSERT_DEAL = "INSERT INTO salesflow_deals (id, process_id, stage, version, created_at,"
      + " entered_stage_at, last_follow_up_at, follow_up_due_from, updated_at, state)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_DEAL = "UPDATE salesflow_deals SET stage = ?, version = ?, entered_stage_at = ?,"
      + " last_follow_up_at = ?, follow_up_due_from = ?, updated_at = ?, state = ? WHERE id = ? AND version = ?";
  private static final String INSERT_TRANSITION = "INSERT INTO salesflow_transitions (deal_id, version, from_stage,"
      + " to_stage, event_type, is_internal, recorded_at, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String TRANSITION_COLUMNS = "deal_id, version, from_stage, to_stage, is_internal, payload";

  private final DataSource dataSource;
  /**
   * The deals this store read or wrote last, so that reading one again costs one row when nobody else changed it, and
   * only the newer history rows when another node did: firing does not grow with the history's length. A deal is
   * served from here only when its stored version equals the cached one, so other nodes' writes are always seen.
   */
  private final ConcurrentMap<String, Deal> recent = new ConcurrentHashMap<>();
  private final int recentCapacity;

  private JdbcDealStore(DataSource dataSource, int recentCapacity) {
    this.dataSource = dataSource;
    this.recentCapacity = recentCapacity;
  }

  private void remember(Deal deal) {
    if (recentCapacity == 0) {
      return;
    }
    if (recent.size() >= recentCapacity && !recent.containsKey(deal.id())) {
      recent.clear(); // crude but bounded: the working set refills on the next reads
    }
    recent.put(deal.id(), deal);
  }

  /**
   * Returns a builder for a store on {@code dataSource}.
   *
   * @param dataSource where the store borrows its connections; a pool (HikariCP, say) for PostgreSQL, or H2's
   *     {@code JdbcDataSource}
   * @return a builder that migrates the schema and keeps 10,000 recent deals in memory
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Creates or migrates the store's schema to the version this jar ships; does nothing if it is current. Safe to call
   * from several nodes at once: Flyway serialises the migrations with a database lock.
   *
   * @return how many migrations were applied
   * @throws JdbcStoreException if the migration fails; the message names the failing migration
   */
  public int migrate() {
    try {
      MigrateResult result = Flyway.configure(JdbcDealStore.class.getClassLoader())
          .dataSource(dataSource)
          .locations(MIGRATIONS_LOCATION)
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
          + MIGRATIONS_LOCATION + " yourself and build the store with migrate(false)", null, e);
    }
  }

  private void checkSchema() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM salesflow_deals WHERE 1 = 0");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
    } catch (SQLException e) {
      throw new IllegalStateException("the Salesflow deal tables are missing or unreadable (" + e.getMessage()
          + "); build the store with migrate(true), call migrate(), or run the Flyway migrations in "
          + MIGRATIONS_LOCATION, e);
    }
  }

  @Override
  public void insert(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    if (deal.version() != 0) {
      throw new IllegalArgumentException("a new deal has version 0, but '" + deal.id() + "' has " + deal.version());
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT_DEAL)) {
      c.setAutoCommit(true);
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
      ps.setString(++i, stateJson(deal));
      ps.executeUpdate();
      remember(deal);
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        throw new DuplicateDealException(deal.id(), deal.processId());
      }
      throw new JdbcStoreException("could not store the new deal '" + deal.id() + "': " + e.getMessage()
          + "; nothing was written, start the deal again once the database is reachable", deal.id(), e);
    }
  }

  @Override
  public Optional<Deal> find(String dealId) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    Deal known = recent.get(dealId);
    if (known != null) {
      return findAfter(known);
    }
    List<Deal> deals = query("WHERE id = ?", List.of(dealId), dealId);
    if (deals.isEmpty()) {
      return Optional.empty();
    }
    remember(deals.get(0));
    return Optional.of(deals.get(0));
  }

  /** Reads a deal this store has seen: its row, and only the history rows newer than the snapshot it has. */
  private Optional<Deal> findAfter(Deal known) {
    String dealId = known.id();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      Row row = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + DEAL_COLUMNS + " FROM salesflow_deals WHERE id = ?")) {
        ps.setString(1, dealId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            row = new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5));
          }
        }
      }
      if (row == null) {
        recent.remove(dealId);
        return Optional.empty();
      }
      if (row.version == known.version()) {
        return Optional.of(known);
      }
      if (row.version < known.version()) { // the table was rewound behind our back: read everything again
        recent.remove(dealId);
        return Optional.of(row.toDeal(TransitionHistory.of(histories(c, Map.of(dealId, row)).getOrDefault(dealId,
            List.of()))));
      }
      TransitionHistory history = known.history();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + TRANSITION_COLUMNS + " FROM salesflow_transitions"
          + " WHERE deal_id = ? AND version > ? AND version <= ? ORDER BY version")) {
        ps.setString(1, dealId);
        ps.setLong(2, known.version());
        ps.setLong(3, row.version);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            history = history.append(transition(rs));
          }
        }
      }
      Deal deal = row.toDeal(history);
      remember(deal);
      return Optional.of(deal);
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read deal '" + dealId + "' from the database: " + e.getMessage()
          + "; check the database connection and try again", dealId, e);
    }
  }

  @Override
  public void append(Deal deal, TransitionRecord record) {
    Objects.requireNonNull(deal, "deal must not be null");
    Objects.requireNonNull(record, "record must not be null");
    if (deal.version() != record.version() || !deal.lastTransition().map(record::equals).orElse(false)) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' must end with the record being appended");
    }
    long expected = record.version() - 1;
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new JdbcStoreException("could not get a database connection to record " + record + " of deal '"
          + deal.id() + "': " + e.getMessage() + "; nothing was written, fire the event again once the database is"
          + " reachable", deal.id(), e);
    }
    try (c) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        updateAndInsert(c, deal, record, expected);
      } catch (SQLException | RuntimeException e) {
        rollback(c, deal.id());
        throw e;
      }
      try {
        c.commit();
      } catch (SQLException e) {
        rollback(c, deal.id());
        throw new JdbcStoreException("the database failed to commit " + record + " of deal '" + deal.id() + "': "
            + e.getMessage() + "; whether it was recorded is unknown, reload the deal to see before firing the"
            + " event again", deal.id(), e);
      }
      restoreAutoCommit(c, autoCommit);
      remember(deal);
    } catch (SQLException e) {
      if (isConcurrencyFailure(e)) {
        throw new DealVersionConflictException(deal.id(), expected, -1);
      }
      throw new JdbcStoreException("could not record " + record + " of deal '" + deal.id() + "': " + e.getMessage()
          + "; nothing was written (the transaction was rolled back), fire the event again once the database is"
          + " reachable", deal.id(), e);
    }
  }

  private static void updateAndInsert(Connection c, Deal deal, TransitionRecord record, long expected)
      throws SQLException {
    int updated;
    try (PreparedStatement ps = c.prepareStatement(UPDATE_DEAL)) {
      int i = 0;
      ps.setString(++i, deal.stage());
      ps.setLong(++i, deal.version());
      setInstant(ps, ++i, deal.enteredStageAt());
      setInstant(ps, ++i, lastFollowUp(deal));
      setInstant(ps, ++i, deal.followUpDueFrom());
      setInstant(ps, ++i, record.at());
      ps.setString(++i, stateJson(deal));
      ps.setString(++i, deal.id());
      ps.setLong(++i, expected);
      updated = ps.executeUpdate();
    }
    if (updated == 0) {
      long actual = storedVersion(c, deal.id());
      if (actual < 0) {
        throw new UnknownDealException(deal.id());
      }
      throw new DealVersionConflictException(deal.id(), expected, actual);
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_TRANSITION)) {
      int i = 0;
      ps.setString(++i, deal.id());
      ps.setLong(++i, record.version());
      ps.setString(++i, record.from());
      ps.setString(++i, record.to());
      ps.setString(++i, record.eventType().id());
      ps.setBoolean(++i, record.internal());
      setInstant(ps, ++i, record.at());
      setInstant(ps, ++i, record.event().occurredAt());
      ps.setString(++i, DealCodec.writePayload(new DealCodec.Payload(record.at(), record.event())));
      ps.executeUpdate();
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

  @Override
  public List<Deal> findByProcess(String processId) {
    Objects.requireNonNull(processId, "processId must not be null");
    return query("WHERE process_id = ?", List.of(processId), null);
  }

  @Override
  public List<Deal> findByStage(String processId, String stageId) {
    Objects.requireNonNull(processId, "processId must not be null");
    Objects.requireNonNull(stageId, "stageId must not be null");
    return query("WHERE process_id = ? AND stage = ?", List.of(processId, stageId), null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answered by an indexed query on {@code (process_id, stage, entered_stage_at)}.
   */
  @Override
  public List<Deal> findStalled(String processId, String stageId, Duration threshold, Instant now) {
    return below("entered_stage_at", processId, stageId, threshold, now, Deal::enteredStageAt);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answered by an indexed query on {@code (process_id, stage, follow_up_due_from)}.
   */
  @Override
  public List<Deal> findFollowUpsOverdue(String processId, String stageId, Duration interval, Instant now) {
    return below("follow_up_due_from", processId, stageId, interval, now, Deal::followUpDueFrom);
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
    List<Deal> deals = query("WHERE process_id = ? AND stage = ? AND " + column + " < ?",
        List.of(processId, stageId, bound), null);
    return deals.stream()
        .filter(d -> instant.apply(d).isBefore(cutoff))
        .sorted(Comparator.comparing(instant).thenComparing(Deal::id))
        .toList();
  }

  /** Loads the deals matching a condition, each with its history up to the version read. */
  private List<Deal> query(String where, List<Object> parameters, @Nullable String dealId) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      Map<String, Row> rows = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + DEAL_COLUMNS + " FROM salesflow_deals " + where)) {
        for (int i = 0; i < parameters.size(); i++) {
          ps.setObject(i + 1, parameters.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Row row = new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5));
            rows.put(row.id, row);
          }
        }
      }
      Map<String, List<TransitionRecord>> histories = histories(c, rows);
      List<Deal> deals = new ArrayList<>(rows.size());
      for (Row row : rows.values()) {
        deals.add(row.toDeal(histories.getOrDefault(row.id, List.of())));
      }
      return deals;
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read " + (dealId == null ? "deals" : "deal '" + dealId + "'")
          + " from the database: " + e.getMessage() + "; check the database connection and try again", dealId, e);
    }
  }

  /** Reads the history rows of the given deals, up to each deal's version (later rows are newer than the read). */
  private static Map<String, List<TransitionRecord>> histories(Connection c, Map<String, Row> rows)
      throws SQLException {
    Map<String, List<TransitionRecord>> histories = new HashMap<>();
    List<String> ids = rows.values().stream().filter(r -> r.version > 0).map(r -> r.id).toList();
    for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
      String sql = "SELECT " + TRANSITION_COLUMNS + " FROM salesflow_transitions WHERE deal_id IN ("
          + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY deal_id, version";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(1);
            long version = rs.getLong(2);
            if (version > rows.get(id).version) {
              continue;
            }
            histories.computeIfAbsent(id, k -> new ArrayList<>()).add(transition(rs));
          }
        }
      }
    }
    return histories;
  }

  /** Reads one history row, selected as {@link #TRANSITION_COLUMNS}. */
  private static TransitionRecord transition(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    long version = rs.getLong(2);
    DealCodec.Payload payload = readPayload(id, version, rs.getString(6));
    return new TransitionRecord(version, rs.getString(3), rs.getString(4), payload.event(), payload.at(),
        rs.getBoolean(5));
  }

  private static DealCodec.Payload readPayload(String dealId, long version, String json) {
    try {
      return DealCodec.readPayload(json);
    } catch (RuntimeException e) {
      throw new JdbcStoreException("transition " + version + " of deal '" + dealId + "' in salesflow_transitions"
          + " cannot be read: " + e.getMessage(), dealId, e);
    }
  }

  private static String stateJson(Deal deal) {
    return DealCodec.writeState(new DealCodec.State(deal.createdAt(), deal.enteredStageAt(), deal.facts()));
  }

  private static @Nullable Instant lastFollowUp(Deal deal) {
    return deal.facts().followUps().latest().map(FollowUp::at).orElse(null);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void setInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, utc(instant.truncatedTo(ChronoUnit.MICROS)));
    }
  }

  private static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /** Serialization failures, deadlocks and lock timeouts: the deal was being changed concurrently. */
  private static boolean isConcurrencyFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("40") || state.equals("HYT00") || state.equals("55P03"));
  }

  @Override
  public String toString() {
    return "JdbcDealStore{" + dataSource + "}";
  }

  /** One deal row, before its history is attached. */
  private record Row(String id, String processId, String stage, long version, String state) {
    Deal toDeal(List<TransitionRecord> history) {
      return toDeal(TransitionHistory.of(history));
    }

    Deal toDeal(TransitionHistory history) {
      try {
        DealCodec.State s = DealCodec.readState(state);
        return Deal.builder()
            .id(id)
            .processId(processId)
            .stage(stage)
            .version(version)
            .createdAt(s.createdAt())
            .enteredStageAt(s.enteredStageAt())
            .facts(s.facts())
            .history(history)
            .build();
      } catch (RuntimeException e) {
        throw new JdbcStoreException("deal '" + id + "' in salesflow_deals cannot be read: " + e.getMessage()
            + "; was it written by a newer Salesflow version, or changed by hand?", id, e);
      }
    }
  }

  /**
   * Configures a {@link JdbcDealStore}. Not thread-safe; the store it builds is.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final DataSource dataSource;
    private boolean migrate = true;
    private int recentDeals = 10_000;

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
     * Sets how many recently used deals the store keeps in memory, so that firing at one of them reads one row
     * (and only the history rows other nodes added since) instead of its whole history; defaults to 10,000. A kept
     * deal is used only when its stored version still matches, so several nodes on one database stay consistent.
     *
     * @param recentDeals how many deals to keep; 0 turns this off
     * @return this builder
     * @throws IllegalArgumentException if {@code recentDeals} is negative
     */
    public Builder recentDeals(int recentDeals) {
      if (recentDeals < 0) {
        throw new IllegalArgumentException("recentDeals must not be negative, but was " + recentDeals);
      }
      this.recentDeals = recentDeals;
      return this;
    }

    /**
     * Builds the store, migrating the schema first unless told not to.
     *
     * @return the store, thread-safe if the data source is
     * @throws JdbcStoreException if the migration fails
     * @throws IllegalStateException if migration is off and the store's tables are missing
     */
    public JdbcDealStore build() {
      JdbcDealStore store = new JdbcDealStore(dataSource, recentDeals);
      if (migrate) {
        store.migrate();
      } else {
        store.checkSchema();
      }
      return store;
    }
  }
}
