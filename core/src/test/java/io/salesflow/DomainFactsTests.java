package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.Stage.ForecastCategory;
import io.salesflow.engine.DealEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts the forecast, expansion, stakeholder and terms events keep, and the limits they are held to. */
class DomainFactsTests {
  static final Instant T0 = Fixtures.T0;

  @Test
  void negotiatedTermsAreKeptAsFactsAndShownInTheHistory() {
    SalesProcess process = SalesProcess.builder("terms")
        .stage(Stage.open("negotiation", "Negotiation"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("negotiation")
        .internal("negotiation", EventType.TERMS_NEGOTIATED)
        .transition("negotiation", EventType.CLOSED_WON, "won")
        .transition("negotiation", EventType.CLOSED_LOST, "lost")
        .build();
    DealEngine engine = DealEngine.tableEngine().process(process).build();
    engine.start("D-1", "terms");
    engine.fire("D-1", new SalesEvent.TermsNegotiated(T0, "two-year term", new BigDecimal("7.5"), "net 30"));

    Deal deal = engine.get("D-1");
    assertThat(deal.facts().negotiatedTerms()).contains(new DealFacts.Terms("two-year term", new BigDecimal("7.5"),
        "net 30", T0));
    assertThat(deal.facts().field("terms")).contains("two-year term");
    assertThat(deal.history().latest().orElseThrow().event()).isEqualTo(
        new SalesEvent.TermsNegotiated(T0, "two-year term", new BigDecimal("7.5"), "net 30"));
    assertThat(DealFacts.none().apply(new SalesEvent.TermsNegotiated(T0, ""))).isEqualTo(DealFacts.none());
    assertThatThrownBy(() -> new SalesEvent.TermsNegotiated(T0, "", new BigDecimal("120"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discountPercent")
        .hasMessageContaining("0 to 100");
  }

  @Test
  void forecastExpansionAndSourceFactsAreReadByName() {
    DealFacts facts = DealFacts.builder().leadSource(LeadSource.UPSELL).parentDealId("D-7").build()
        .apply(new SalesEvent.ForecastUpdated(T0, LocalDate.of(2027, 3, 31), new BigDecimal("12000"),
            ForecastCategory.BEST_CASE))
        .apply(new SalesEvent.ExpansionStarted(T0, LeadSource.RENEWAL, "D-9"))
        .apply(new SalesEvent.ExpansionStarted(T0, LeadSource.RENEWAL, "D-9"));

    assertThat(facts.expectedClose()).contains(LocalDate.of(2027, 3, 31));
    assertThat(facts.amount()).contains(new BigDecimal("12000"));
    assertThat(facts.forecastCategory()).contains(ForecastCategory.BEST_CASE);
    assertThat(facts.expansions()).containsExactly(new DealFacts.Expansion("D-9", LeadSource.RENEWAL, T0));
    assertThat(facts.field("lead-source")).contains("upsell");
    assertThat(facts.field("parent-deal")).contains("D-7");
    assertThat(facts.field("expected-close")).contains("2027-03-31");
    assertThat(facts.toBuilder().build()).isEqualTo(facts);
    assertThatThrownBy(() -> new SalesEvent.ExpansionStarted(T0, LeadSource.INBOUND, "D-9"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upsell, cross-sell, renewal or repeat");
  }

  @Test
  void aDealKeepsAtMostAHundredStakeholders() {
    DealFacts facts = DealFacts.none();
    for (int i = 0; i < Deal.Limits.MAX_ATTRIBUTES; i++) {
      facts = facts.apply(new SalesEvent.StakeholderEngaged(T0, "person-" + i, StakeholderRole.USER));
    }
    DealFacts full = facts;
    assertThat(full.stakeholders()).hasSize(100);
    assertThat(full.apply(new SalesEvent.StakeholderEngaged(T0, "person-3", StakeholderRole.CHAMPION))
        .stakeholders().get(3).role()).isEqualTo(StakeholderRole.CHAMPION);
    assertThatThrownBy(() -> full.apply(new SalesEvent.StakeholderEngaged(T0, "one-more", StakeholderRole.USER)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stakeholders of a deal must be at most 100");
    assertThatThrownBy(() -> new SalesEvent.StakeholderEngaged(T0, "a\nb", StakeholderRole.USER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contact");
  }

  @Test
  void iceColdComesBeforeColdAmongTheLeadTemperatures() {
    assertThat(List.of(LeadTemperature.values())).containsExactly(LeadTemperature.ICE_COLD, LeadTemperature.COLD,
        LeadTemperature.WARM, LeadTemperature.HOT);
    assertThat(LeadTemperature.ICE_COLD.label()).isEqualTo("ice-cold");
  }

  @Test
  void stagesCarryAForecastCategoryThatFitsTheirKind() {
    assertThat(Stage.open("a", "A").forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);
    assertThat(Stage.won("w", "W").forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
    assertThat(Stage.postSale("p", "P").forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
    assertThat(Stage.lost("l", "L").forecastCategory()).isEqualTo(ForecastCategory.OMITTED);
    assertThatThrownBy(() -> Stage.builder().id("a").name("A").kind(StageKind.OPEN)
        .forecastCategory(ForecastCategory.CLOSED).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("forecast category of stage 'a' must be pipeline, best-case, commit or omitted");
    assertThatThrownBy(() -> Stage.builder().id("l").name("L").kind(StageKind.LOST)
        .forecastCategory(ForecastCategory.COMMIT).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("omitted for a lost stage");
  }
}
