package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.Stage;
import io.salesflow.catalog.CatalogEvents;
import io.salesflow.catalog.CatalogStages;
import io.salesflow.catalog.Expansions;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.testkit.ManualClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upsell started from a customer's deal is linked both ways, and the link, the lead source and the forecast,
 * stakeholder and terms facts survive a restart of the application on H2 and on PostgreSQL (the scorecards are read
 * back in {@code DealCodecTests}).
 */
class ExpansionRestartTests {
  private static final Instant AT = Instant.parse("2026-07-01T09:00:00.000001Z");

  @Test
  void anUpsellStartedFromACustomerDealSurvivesARestartOnAnH2File(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("deals").toAbsolutePath();
    assertSurvivesRestart(() -> pool(url, "sa"));
  }

  @Test
  void anUpsellStartedFromACustomerDealSurvivesARestartOnPostgres() {
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

  private static DealEngine engine(DataSource dataSource) {
    return DealEngine.tableEngine().processes(SalesCatalog.all()).clock(ManualClock.startingAt(AT))
        .store(JdbcDealStore.builder(dataSource).build()).build();
  }

  private static void accept(DealEngine engine, String id, SalesEvent event) {
    FireResult result = engine.fire(id, event);
    assertThat(result.isAccepted()).as("%s", result).isTrue();
  }

  private static void assertSurvivesRestart(Supplier<HikariDataSource> dataSources) {
    Deal customer;
    Deal upsell;
    try (HikariDataSource first = dataSources.get(); DealEngine engine = engine(first)) {
      engine.start("D-42", SalesCatalog.EIGHT_STEP, DealFacts.builder().leadSource(LeadSource.INBOUND).build(),
          CatalogStages.CLOSING);
      accept(engine, "D-42", new SalesEvent.ProposalSent(AT, new BigDecimal("24000")));
      accept(engine, "D-42", new SalesEvent.TermsNegotiated(AT, "two-year term", new BigDecimal("7.5"), "net 30"));
      accept(engine, "D-42", CatalogEvents.buyInConfirmed(AT, CatalogEvents.BuyInSide.BUYER, "the CFO"));
      accept(engine, "D-42", CatalogEvents.buyInConfirmed(AT, CatalogEvents.BuyInSide.SELLER, "our VP"));
      accept(engine, "D-42", new SalesEvent.ClosedWon(AT, new BigDecimal("24000")));
      upsell = Expansions.start(engine, "D-42", LeadSource.UPSELL, "D-42-upsell");
      accept(engine, "D-42-upsell", new SalesEvent.ForecastUpdated(AT, LocalDate.of(2026, 9, 30),
          new BigDecimal("8000"), Stage.ForecastCategory.BEST_CASE));
      accept(engine, "D-42-upsell", new SalesEvent.StakeholderEngaged(AT, "dana@acme.example",
          StakeholderRole.CHAMPION));
      upsell = engine.get("D-42-upsell");
      customer = engine.get("D-42");
    }

    try (HikariDataSource second = dataSources.get(); DealEngine engine = engine(second)) {
      Deal readCustomer = engine.get("D-42");
      Deal readUpsell = engine.get("D-42-upsell");
      assertThat(readCustomer).isEqualTo(customer);
      assertThat(readCustomer.facts()).isEqualTo(customer.facts());
      assertThat(readCustomer.history().asList()).isEqualTo(customer.history().asList());
      assertThat(readUpsell).isEqualTo(upsell);
      assertThat(readUpsell.facts()).isEqualTo(upsell.facts());

      assertThat(readCustomer.facts().expansions()).singleElement()
          .satisfies(x -> assertThat(x.dealId()).isEqualTo("D-42-upsell"));
      assertThat(readCustomer.lastTransition().orElseThrow().event())
          .isEqualTo(new SalesEvent.ExpansionStarted(AT, LeadSource.UPSELL, "D-42-upsell"));
      assertThat(readCustomer.facts().negotiatedTerms().orElseThrow().paymentTerms()).isEqualTo("net 30");
      assertThat(readUpsell.facts().parentDealId()).contains("D-42");
      assertThat(readUpsell.facts().leadSource()).contains(LeadSource.UPSELL);
      assertThat(readUpsell.facts().expectedClose()).contains(LocalDate.of(2026, 9, 30));
      assertThat(Expansions.of(engine, "D-42")).containsExactly(readUpsell);

      assertThat(readUpsell.facts().stakeholders()).singleElement()
          .satisfies(x -> assertThat(x.role()).isEqualTo(StakeholderRole.CHAMPION));
    }
  }
}
