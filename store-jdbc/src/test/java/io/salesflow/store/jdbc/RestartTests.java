package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deals written through one engine are read back, with their full history, by a new engine on the same database. */
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
        Deal deal = engine.start(id, TestProcesses.ID, DealFacts.builder().source("restart-" + d).build());
        for (int i = 0; i < 3 + 2 * d; i++) {
          FireResult result = engine.fire(id, TestProcesses.event(i + d, AT.plusSeconds(60L * i)));
          deal = result.deal();
        }
        written.put(id, deal);
      }
    }
    close(first);
    assertThat(written.values()).anySatisfy(d -> assertThat(d.version()).isGreaterThan(3));

    DataSource second = dataSources.get();
    try (DealEngine engine = engine(second)) {
      for (Deal deal : written.values()) {
        Deal read = engine.get(deal.id());
        assertThat(read).isEqualTo(deal);
        assertThat(read.history().asList()).isEqualTo(deal.history().asList());
      }
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
    return DealEngine.tableEngine().process(TestProcesses.busyPipeline())
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
