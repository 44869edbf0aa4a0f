package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database the previous release wrote (schema version 2, JSON text documents of format 1; the rows are in
 * {@code legacy/v2-deals.sql}, written by that release's store for {@link LegacyDeals}) migrates to the current
 * schema and reads back equal to the deals {@link LegacyDeals} makes on the in-memory store; and its deals go on
 * taking events. Run on H2, H2 in PostgreSQL mode and PostgreSQL.
 */
abstract class LegacyMigrationContract {
  private static final Instant LATER = Instant.parse("2026-11-01T10:00:00.000000123Z");

  private DataSource database;

  /** A new, empty database. */
  protected abstract DataSource emptyDatabase();

  /** What the previous release's text becomes in this database: PostgreSQL's jsonb holds no NUL character. */
  protected String migratedText(String text) {
    return text;
  }

  @BeforeEach
  void databaseOfThePreviousRelease() {
    database = emptyDatabase();
    Flyway.configure(getClass().getClassLoader()).dataSource(database)
        .locations(JdbcDealStore.MIGRATIONS_LOCATION).table(JdbcDealStore.SCHEMA_HISTORY_TABLE)
        .baselineOnMigrate(true).baselineVersion("0")
        .target("2") // the previous release's schema: the same two migrations it shipped
        .load().migrate();
    LegacyFixtureWriter.load(database, "legacy/v2-deals.sql");
  }

  private static Map<String, Deal> byId(List<Deal> deals) {
    return deals.stream().collect(Collectors.toMap(Deal::id, Function.identity()));
  }

  /**
   * The deals as the current engine makes them from the same events, less what the stored rows cannot hold: the
   * releases that wrote them did not keep negotiated terms as a fact (the terms are in the history's events).
   */
  private static Map<String, Deal> expectedDeals() {
    DealStore memory = DealStore.inMemory();
    LegacyDeals.play(memory);
    Map<String, Deal> deals = new java.util.LinkedHashMap<>();
    byId(memory.findByProcess(LegacyDeals.PROCESS_ID)).forEach((id, deal) -> deals.put(id, deal.toBuilder()
        .facts(deal.facts().toBuilder().negotiatedTerms(java.util.Optional.empty()).build()).build()));
    return deals;
  }

  @Test
  void migratesAndReadsEveryDealBackEqual() {
    JdbcDealStore store = JdbcDealStore.builder(database).build(); // migrates

    Map<String, Deal> expected = expectedDeals();
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(LegacyDeals.IDS);
    for (String id : LegacyDeals.IDS) {
      if (id.equals("L-6")) {
        continue; // below: its text has a NUL character
      }
      assertThat(store.find(id)).as("deal %s", id).contains(expected.get(id));
    }
    Map<String, Deal> bulk = byId(JdbcDealStore.builder(database).migrate(false).build()
        .findByProcess(LegacyDeals.PROCESS_ID));
    assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(LegacyDeals.IDS);
    for (String id : LegacyDeals.IDS) {
      if (!id.equals("L-6")) {
        assertThat(bulk.get(id)).as("deal %s read in bulk", id).isEqualTo(expected.get(id));
      }
    }
  }

  @Test
  void keepsTextWithControlCharactersAsTheDatabaseCan() {
    Deal read = JdbcDealStore.builder(database).build().find("L-6").orElseThrow();

    Deal expected = expectedDeals().get("L-6");
    String detail = expected.facts().openObjections().get(0).detail();
    assertThat(detail).contains("\u0000");
    assertThat(read.facts().openObjections().get(0).detail()).isEqualTo(migratedText(detail));
    assertThat(((SalesEvent.ObjectionRaised) read.history().asList().get(1).event()).detail())
        .isEqualTo(migratedText(detail));
    assertThat(read.history().asList().get(0)).isEqualTo(expected.history().asList().get(0));
    assertThat(read.version()).isEqualTo(expected.version());
  }

  @Test
  void migratedDealsGoOnTakingEventsAndWriteNoStateForThem() {
    JdbcDealStore store = JdbcDealStore.builder(database).build();
    DealStore memory = DealStore.inMemory();
    LegacyDeals.play(memory);
    Clock clock = Clock.fixed(LATER, ZoneOffset.UTC);
    DealEngine migrated = DealEngine.tableEngine().process(LegacyDeals.process()).store(store).clock(clock).build();
    DealEngine replayed = DealEngine.tableEngine().process(LegacyDeals.process()).store(memory).clock(clock).build();
    List<SalesEvent> events = List.of(new SalesEvent.ContactMade(LATER, ContactChannel.EMAIL, null),
        new SalesEvent.FollowUpLogged(LATER, ContactChannel.PHONE, FollowUpOutcome.RESPONDED),
        new SalesEvent.Custom(LegacyDeals.TRIAL_EXTENDED, LATER, Map.of("days", "30")));

    for (SalesEvent event : events) {
      assertThat(migrated.fire("L-4", event)).isEqualTo(replayed.fire("L-4", event));
    }

    assertThat(store.stateWrites()).as("appends that wrote the whole state").isZero();
    assertThat(JdbcDealStore.builder(database).migrate(false).build().find("L-4")).contains(replayed.get("L-4"));
    assertThat(JdbcTestSupport.count(database, "SELECT state_version FROM salesflow_deals WHERE id = ?", "L-1"))
        .as("a migrated deal's state holds at its version").isEqualTo(17);
    assertThat(JdbcTestSupport.count(database, "SELECT state_version FROM salesflow_deals WHERE id = ?", "L-4"))
        .as("and stays there while events follow from it").isZero();
  }
}
