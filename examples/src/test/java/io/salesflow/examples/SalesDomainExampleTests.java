package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesProcess;
import io.salesflow.catalog.CatalogEvents;
import io.salesflow.catalog.CatalogStages;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's sales-domain snippets do what the README says they do. */
class SalesDomainExampleTests {
  static final java.time.Instant NOW = SalesDomainExample.NOW;

  DealEngine engine = DealEngine.tableEngine().process(SalesDomainExample.meddicProcess())
      .process(SalesCatalog.eightStep()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @Test
  void theMeddicProcessNamesWhatIsMissingThenQualifiesForecastsAndNegotiates() {
    engine.start("D-1", "enterprise", DealFacts.builder().leadSource(LeadSource.INBOUND).build());
    List<Object> result = SalesDomainExample.enterpriseDeal(engine);

    assertThat(((FireResult.Rejected) result.get(0)).reasons()).containsExactly(
        "MEDDIC: 3 of 6 elements confirmed, at least 4 required",
        "MEDDIC: economic buyer identified but not confirmed ('the CFO, not met yet')",
        "MEDDIC: decision process unknown", "MEDDIC: champion unknown");
    Deal deal = (Deal) result.get(1);
    assertThat(deal.stage()).isEqualTo("negotiation");
    assertThat(deal.facts().stakeholders()).hasSize(3);
    assertThat(deal.facts().negotiatedTerms().orElseThrow().paymentTerms()).isEqualTo("net 30");
    assertThat(deal.facts().expectedClose()).contains(java.time.LocalDate.of(2026, 4, 30));
  }

  @Test
  void anUpsellIsLinkedToItsCustomerAndTheForecastWeighsTheOpenDeals(@TempDir Path dir) throws Exception {
    engine.start("D-1", "enterprise");
    SalesDomainExample.enterpriseDeal(engine);
    engine.start("D-42", SalesCatalog.EIGHT_STEP, DealFacts.builder().leadSource(LeadSource.REFERRAL).build(),
        CatalogStages.CLOSING);
    engine.fire("D-42", new SalesEvent.ProposalSent(NOW, new BigDecimal("24000")));
    engine.fire("D-42", CatalogEvents.buyInConfirmed(NOW, CatalogEvents.BuyInSide.BUYER, "the CFO"));
    engine.fire("D-42", CatalogEvents.buyInConfirmed(NOW, CatalogEvents.BuyInSide.SELLER, "our VP sales"));
    engine.fire("D-42", new SalesEvent.ClosedWon(NOW, new BigDecimal("24000")));

    Deal upsell = SalesDomainExample.upsell(engine);
    assertThat(upsell).isNotNull();
    assertThat(upsell.stage()).isEqualTo(CatalogStages.PITCH);
    assertThat(engine.get("D-42").facts().expansions()).extracting(DealFacts.Expansion::dealId)
        .containsExactly("D-42-upsell");

    List<Deal> deals = List.of(engine.get("D-1"), engine.get("D-42"), upsell);
    BigDecimal weighted = SalesDomainExample.forecast(List.of(SalesDomainExample.meddicProcess(),
        SalesCatalog.eightStep()), deals, dir);
    assertThat(weighted).isEqualByComparingTo("33600"); // 48,000 x 0.7 in negotiation; the upsell has no amount yet
    assertThat(Files.readString(dir.resolve("forecast.csv"))).startsWith("deal,process,stage,owner,close_month,")
        .contains("D-1,enterprise,negotiation,,2026-04,best-case,48000,0.7,33600");
    assertThat(Files.readString(dir.resolve("forecast-accuracy.csv"))).contains("2026-03,");

    var persistence = SalesDomainExample.persistence(SalesCatalog.eightStep(), List.of(engine.get("D-42"), upsell));
    assertThat(persistence.rows().get(0).won()).isEqualTo(1);
  }

  @Test
  void theEightStepProcessForEnterpriseQualifiesOnMeddpiccAndCoversStakeholders() {
    SalesProcess process = SalesDomainExample.eightStepForEnterprise();
    assertThat(process.transitions(CatalogStages.QUALIFICATION, EventType.QUALIFICATION_SCORED)).singleElement()
        .satisfies(t -> assertThat(t.guard().label()).isEqualTo("MEDDPICC: all 8 confirmed"));
    assertThat(process.transitions(CatalogStages.PITCH, CatalogEvents.CLOSING_STARTED)).singleElement()
        .satisfies(t -> assertThat(t.guard().label()).contains("4 stakeholders incl. a decision-maker"));
  }
}
