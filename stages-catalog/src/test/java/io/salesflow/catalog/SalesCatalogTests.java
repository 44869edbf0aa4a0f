package io.salesflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.SalesProcess;
import io.salesflow.UnknownProcessException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesCatalogTests {

  @Test
  void listsTheSixDocumentedProcessesInAccessorOrder() {
    assertThat(SalesCatalog.all()).extracting(SalesProcess::id).containsExactly("five-step", "seven-step-textbook",
        "seven-step-referrals", "seven-step-fulfilment", "eight-step", "seven-phase-funnel");
    assertThat(SalesCatalog.ids()).containsExactlyElementsOf(
        SalesCatalog.all().stream().map(SalesProcess::id).toList());
  }

  @Test
  void eachAccessorReturnsTheProcessItsIdLooksUp() {
    assertThat(SalesCatalog.byId("five-step")).isSameAs(SalesCatalog.fiveStep());
    assertThat(SalesCatalog.byId("seven-step-textbook")).isSameAs(SalesCatalog.sevenStepTextbook());
    assertThat(SalesCatalog.byId("seven-step-referrals")).isSameAs(SalesCatalog.sevenStepReferrals());
    assertThat(SalesCatalog.byId("seven-step-fulfilment")).isSameAs(SalesCatalog.sevenStepFulfilment());
    assertThat(SalesCatalog.byId("eight-step")).isSameAs(SalesCatalog.eightStep());
    assertThat(SalesCatalog.byId("seven-phase-funnel")).isSameAs(SalesCatalog.sevenPhaseFunnel());
    assertThat(List.of(SalesCatalog.fiveStep(), SalesCatalog.sevenStepTextbook(), SalesCatalog.sevenStepReferrals(),
        SalesCatalog.sevenStepFulfilment(), SalesCatalog.eightStep(), SalesCatalog.sevenPhaseFunnel()))
        .containsExactlyElementsOf(SalesCatalog.all());
  }

  @Test
  void anUnknownIdIsQuotedCutAndEscapedNotEchoedWhole() {
    String forged = "five-step\n2026-11-02 INFO forged" + "x".repeat(1 << 20);
    assertThatThrownBy(() -> SalesCatalog.byId(forged)).isInstanceOf(UnknownProcessException.class)
        .hasMessageStartingWith("unknown process 'five-step\\n2026-11-02 INFO forged")
        .hasMessageContaining("…' (" + forged.length() + " characters); known processes: [eight-step, five-step,")
        .message().hasSizeLessThan(400).doesNotContain("\n");
  }

  @Test
  void idConstantsMatchTheProcessIds() {
    assertThat(SalesCatalog.fiveStep().id()).isEqualTo(SalesCatalog.FIVE_STEP);
    assertThat(SalesCatalog.sevenStepTextbook().id()).isEqualTo(SalesCatalog.SEVEN_STEP_TEXTBOOK);
    assertThat(SalesCatalog.sevenStepReferrals().id()).isEqualTo(SalesCatalog.SEVEN_STEP_REFERRALS);
    assertThat(SalesCatalog.sevenStepFulfilment().id()).isEqualTo(SalesCatalog.SEVEN_STEP_FULFILMENT);
    assertThat(SalesCatalog.eightStep().id()).isEqualTo(SalesCatalog.EIGHT_STEP);
    assertThat(SalesCatalog.sevenPhaseFunnel().id()).isEqualTo(SalesCatalog.SEVEN_PHASE_FUNNEL);
  }

  @Test
  void unknownIdFailsWithTheListOfKnownIds() {
    assertThatThrownBy(() -> SalesCatalog.byId("six-step"))
        .isInstanceOf(UnknownProcessException.class)
        .hasMessageContaining("'six-step'")
        .hasMessageContaining("five-step").hasMessageContaining("seven-step-textbook")
        .hasMessageContaining("seven-step-referrals").hasMessageContaining("seven-step-fulfilment")
        .hasMessageContaining("eight-step").hasMessageContaining("seven-phase-funnel")
        .satisfies(e -> assertThat(((UnknownProcessException) e).processId()).contains("six-step"));
  }

  @Test
  void stagesAreListedInTheDocumentedOrder() {
    assertThat(SalesCatalog.fiveStep().stages()).extracting(s -> s.id()).containsExactly("prospecting",
        "qualification", "presentation", "handling-objections", "closing", "post-sale", "customer", "lost",
        "disqualified");
    assertThat(SalesCatalog.sevenStepTextbook().stages()).extracting(s -> s.id()).containsExactly("prospecting",
        "preparation", "approach", "presentation", "handling-objections", "closing", "nurture", "follow-up",
        "customer", "lost", "disqualified");
    assertThat(SalesCatalog.sevenStepReferrals().stages()).extracting(s -> s.id()).containsExactly("prospecting",
        "making-contact", "qualifying", "presenting", "overcoming-objections", "closing", "generating-referrals",
        "customer", "lost", "disqualified");
    assertThat(SalesCatalog.sevenStepFulfilment().stages()).extracting(s -> s.id()).containsExactly("prospecting",
        "qualifying", "presenting-solution", "contract-negotiation", "installation", "sales-and-maintenance",
        "post-sales-fulfilment", "customer", "lost", "disqualified");
    assertThat(SalesCatalog.eightStep().stages()).extracting(s -> s.id()).containsExactly("prospecting",
        "approaching", "qualification", "pitch", "objection-handling", "closing", "onboarding", "follow-up",
        "customer", "lost", "disqualified");
    assertThat(SalesCatalog.sevenPhaseFunnel().stages()).extracting(s -> s.id()).containsExactly(
        "traffic-temperature", "pre-frame-bridge", "qualify-leads", "qualify-buyers", "identify-hyperactive-buyers",
        "nurture", "age-and-ascend", "change-selling-environment", "customer", "lost", "disqualified");
  }
}
