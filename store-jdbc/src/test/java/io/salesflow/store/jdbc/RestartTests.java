package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deals written through one engine are read back, with their full history, by a new engine on the same database:
 * their process versions, owners and starters, and the actor of every record included.
 */
class RestartTests {
  private static final Instant AT = Instant.parse("2026-07-01T09:00:00.000001Z");

  @Test
  void aNewEngineReadsBackEveryDealFromAnH2File(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("deals").toAbsolutePath();
    // pooled, as an application would: H2 closes a file database when its last connection closes
    assertSurvivesRestart(() -> pool(url, "sa"));
  }

  @Test
  void aNewEngineReadsBackEveryDealFromPostgres() {
    String url = EmbeddedPostgresSupport.jdbcUrl(EmbeddedPostgresSupport.newDatabase());
    assertSurvivesRestart(() -> pool(url, "postgres"));
  }

  private static HikariDataSource pool(String url, String user) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  /** Runs a first engine on one data source, closes both, then checks every deal from a second engine. */
  private static void assertSurvivesRestart(Supplier<DataSource> dataSources) {
    Map<String, Deal> written = new LinkedHashMap<>();
    DataSource first = dataSources.get();
    try (DealEngine engine = engine(first)) {
      for (int d = 0; d < 5; d++) {
        String id = "deal-" + d;
        // on version 1, with an owner and who started it; every other event fired by a named rep
        Deal deal = engine.start(DealEngine.Start.of(id, TestProcesses.ID).processVersion(1)
            .facts(DealFacts.builder().source("restart-" + d).build()).owner("rep-" + d).actor("web-form"));
        for (int i = 0; i < 3 + 2 * d; i++) {
          SalesEvent event = TestProcesses.event(i + d, AT.plusSeconds(60L * i));
          FireResult result = i % 2 == 0 ? engine.fire(id, event) : engine.fire(id, event, DealEngine.Fire.by("rep-x"));
          deal = result.deal();
        }
        written.put(id, deal);
      }
      written.put("deal-1", engine.override("deal-1", "won", "manager-max", "signed on paper").deal());
      written.put("deal-2", engine.assignOwner("deal-2", "rep-9", "manager-max").deal());
      written.put("deal-3", ((FireResult.Accepted) engine.migrate("deal-3", TestProcesses.plan(), "ops-ann",
          "version 2")).deal());
    }
    close(first);
    assertThat(written.values()).anySatisfy(d -> assertThat(d.version()).isGreaterThan(3));
    assertThat(written.values()).flatExtracting(d -> d.history().asList()).extracting(TransitionRecord::actor)
        .contains("rep-x", "manager-max", "ops-ann", null);

    DataSource second = dataSources.get();
    try (DealEngine engine = engine(second)) {
      for (Deal deal : written.values()) {
        Deal read = engine.get(deal.id());
        assertThat(read).isEqualTo(deal);
        assertThat(read.history().asList()).isEqualTo(deal.history().asList());
        assertThat(List.of(read.owner(), read.startedBy())).isEqualTo(List.of(deal.owner(), "web-form"));
        assertThat(read.history().asList()).extracting(TransitionRecord::actor)
            .isEqualTo(deal.history().asList().stream().map(TransitionRecord::actor).toList());
      }
      assertThat(engine.get("deal-2").owner()).isEqualTo("rep-9");
      assertThat(engine.get("deal-3").processVersion()).isEqualTo(2);
      assertThat(engine.get("deal-1").lastTransition().orElseThrow().actor()).isEqualTo("manager-max");
      assertThat(engine.store().findByProcess(TestProcesses.ID)).containsExactlyInAnyOrderElementsOf(written.values());
      // and the new engine carries on where the first stopped
      Deal last = written.get("deal-4");
      FireResult next = engine.fire("deal-4", TestProcesses.event(1, AT.plusSeconds(3600)));
      FireResult after = next.isAccepted() ? next : engine.fire("deal-4", TestProcesses.event(0, AT.plusSeconds(3660)));
      assertThat(after.isAccepted()).isTrue();
      assertThat(after.deal().version()).isEqualTo(last.version() + 1);
    } finally {
      close(second);
    }
  }

  private static DealEngine engine(DataSource dataSource) {
    return DealEngine.tableEngine().process(TestProcesses.busyPipeline()).process(TestProcesses.version2())
        .store(JdbcDealStore.builder(dataSource).build()).build();
  }

  private static void close(DataSource dataSource) {
    if (dataSource instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
