package io.salesflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealFacts.Scorecard;
import io.salesflow.DealFacts.Scorecard.Element;
import io.salesflow.DealFacts.Scorecard.Framework;
import io.salesflow.DuplicateDealException;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.guard.SalesGuards;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expansion deals, swapping the qualification policy, stakeholder coverage and the catalog's forecast categories. */
class ExpansionsAndOptionsTests {

  /** An eight-step deal won and in onboarding. */
  static Driver wonEightStepDeal(String id) {
    Driver d = new Driver(SalesCatalog.eightStep());
    d.startAt(id, CatalogStages.CLOSING);
    d.accept(id, Driver.proposal("20000"));
    d.accept(id, CatalogEvents.buyInConfirmed(Driver.NOW, CatalogEvents.BuyInSide.BUYER, "the CFO"));
    d.accept(id, CatalogEvents.buyInConfirmed(Driver.NOW, CatalogEvents.BuyInSide.SELLER, "our VP"));
    d.move(id, Driver.won(), CatalogStages.ONBOARDING);
    return d;
  }

  @Test
  void anUpsellStartedFromACustomerDealIsLinkedBothWays() {
    Driver d = wonEightStepDeal("D-1");
    Deal upsell = Expansions.start(d.engine, "D-1", LeadSource.UPSELL, "D-1-upsell");

    assertThat(upsell.stage()).isEqualTo(CatalogStages.PITCH);
    assertThat(upsell.facts().leadSource()).contains(LeadSource.UPSELL);
    assertThat(upsell.facts().parentDealId()).contains("D-1");
    Deal parent = d.engine.get("D-1");
    assertThat(parent.stage()).isEqualTo(CatalogStages.ONBOARDING);
    assertThat(parent.facts().expansions()).singleElement()
        .satisfies(x -> assertThat(x.dealId()).isEqualTo("D-1-upsell"))
        .satisfies(x -> assertThat(x.kind()).isEqualTo(LeadSource.UPSELL));
    assertThat(parent.lastTransition().orElseThrow().event()).isInstanceOf(SalesEvent.ExpansionStarted.class);
    assertThat(Expansions.of(d.engine, "D-1")).containsExactly(upsell);

    Deal renewal = Expansions.start(d.engine, "D-1", LeadSource.RENEWAL, "D-1-renewal");
    assertThat(renewal.stage()).isEqualTo(CatalogStages.CLOSING);
    assertThat(Expansions.of(d.engine, "D-1")).extracting(Deal::id).containsExactly("D-1-upsell", "D-1-renewal");
  }

  @Test
  void refusesAnExpansionOfADealNotWonATakenIdOrAKindThatIsNoExpansion() {
    Driver d = wonEightStepDeal("D-1");
    d.start("D-2");
    assertThatThrownBy(() -> Expansions.start(d.engine, "D-2", LeadSource.UPSELL, "D-3"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not won yet");
    assertThatThrownBy(() -> Expansions.start(d.engine, "D-1", LeadSource.UPSELL, "D-2"))
        .isInstanceOf(DuplicateDealException.class);
    assertThatThrownBy(() -> Expansions.start(d.engine, "D-1", LeadSource.INBOUND, "D-4"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upsell, cross-sell, renewal or repeat");
    assertThat(d.engine.get("D-1").facts().expansions()).isEmpty();
    d.accept("D-1", new SalesEvent.OnboardingDone(Driver.NOW));
    d.move("D-1", Driver.custom(CatalogEvents.POST_SALE_COMPLETED), CatalogStages.CUSTOMER);
    assertThatThrownBy(() -> Expansions.start(d.engine, "D-1", LeadSource.RENEWAL, "D-5"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("terminal stage 'customer'");
  }

  @Test
  void everyProcessHasExpansionEntryStagesAndRecordsExpansionsInEveryPostSaleStage() {
    Map<String, String> upsell = Map.of(
        SalesCatalog.FIVE_STEP, CatalogStages.PRESENTATION,
        SalesCatalog.SEVEN_STEP_TEXTBOOK, CatalogStages.PRESENTATION,
        SalesCatalog.SEVEN_STEP_REFERRALS, CatalogStages.PRESENTING,
        SalesCatalog.SEVEN_STEP_FULFILMENT, CatalogStages.PRESENTING_SOLUTION,
        SalesCatalog.EIGHT_STEP, CatalogStages.PITCH,
        SalesCatalog.SEVEN_PHASE_FUNNEL, CatalogStages.IDENTIFY_HYPERACTIVE_BUYERS);
    for (SalesProcess process : SalesCatalog.all()) {
      assertThat(SalesCatalog.expansionEntryStage(process, LeadSource.CROSS_SELL)).as(process.id())
          .isEqualTo(upsell.get(process.id()));
      assertThat(process.stage(SalesCatalog.expansionEntryStage(process, LeadSource.RENEWAL)).kind())
          .isEqualTo(StageKind.OPEN);
      for (Stage stage : process.stages(StageKind.POST_SALE)) {
        assertThat(process.transitions(stage.id(), EventType.EXPANSION_STARTED)).as(stage.id()).isNotEmpty();
      }
      for (Stage stage : process.stages(StageKind.OPEN)) {
        assertThat(process.transitions(stage.id(), EventType.FORECAST_UPDATED)).as(stage.id()).isNotEmpty();
        assertThat(process.transitions(stage.id(), EventType.STAKEHOLDER_ENGAGED)).as(stage.id()).isNotEmpty();
      }
    }
  }

  @Test
  void aCatalogProcessSwitchedToMeddpiccQualifiesOnTheScorecardAndNamesWhatIsMissing() {
    SalesProcess meddpicc = SalesCatalog.withQualification(SalesCatalog.eightStep(),
        SalesGuards.scorecardAllConfirmed(Framework.MEDDPICC));
    Driver d = new Driver(meddpicc);
    d.startAt("D-1", CatalogStages.QUALIFICATION);

    Scorecard partial = Scorecard.of(Framework.MEDDPICC).confirm(Element.METRICS, "").confirm(Element.CHAMPION, "")
        .confirm(Element.DECISION_CRITERIA, "").confirm(Element.DECISION_PROCESS, "")
        .confirm(Element.IDENTIFIED_PAIN, "").confirm(Element.COMPETITION, "");
    assertThat(d.deny("D-1", new SalesEvent.QualificationScored(Driver.NOW, partial)).reasons())
        .containsExactly("MEDDPICC: economic buyer unknown", "MEDDPICC: paper process unknown");
    assertThat(d.accept("D-1", Driver.qualified(Driver.fullBant())).stage())
        .isEqualTo(CatalogStages.QUALIFICATION); // BANT is recorded, but no longer qualifies
    d.move("D-1", new SalesEvent.QualificationScored(Driver.NOW, partial.confirm(Element.ECONOMIC_BUYER, "CFO")
        .confirm(Element.PAPER_PROCESS, "legal, then procurement")), CatalogStages.PITCH);

    SalesProcess champ = SalesCatalog.withQualification(meddpicc, SalesGuards.scorecardAllConfirmed(Framework.CHAMP));
    assertThat(champ.transitions(CatalogStages.QUALIFICATION, EventType.QUALIFICATION_SCORED)).singleElement()
        .extracting(t -> t.guard().label()).isEqualTo("CHAMP: all 4 confirmed");
    assertThat(champ.transitions()).hasSize(meddpicc.transitions().size());
    SalesProcess bant = SalesCatalog.withQualification(champ, EventType.QUALIFICATION_ASSESSED,
        SalesGuards.bantAtLeast(2));
    assertThat(bant.transitions(CatalogStages.QUALIFICATION, EventType.QUALIFICATION_ASSESSED))
        .extracting(t -> t.internal() ? "internal" : t.guard().label())
        .containsExactly("BANT: at least 2 of 4 confirmed", "internal");
    assertThatThrownBy(() -> SalesCatalog.withQualification(SalesProcess.builder("x")
        .stage(Stage.open("a", "A")).stage(Stage.won("w", "W")).initialStage("a")
        .transition("a", EventType.CLOSED_WON, "w").build(), SalesGuards.bantAtLeast(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no move on 'qualification-assessed'");
    assertThatThrownBy(() -> SalesCatalog.withQualification(meddpicc, EventType.CLOSED_WON,
        SalesGuards.bantAtLeast(2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on");
  }

  @Test
  void stakeholderCoverageGuardsTheWayIntoClosing() {
    SalesProcess covered = SalesCatalog.withStakeholderCoverage(SalesCatalog.sevenStepTextbook(), 3);
    Driver d = new Driver(covered);
    d.startAt("D-1", CatalogStages.PRESENTATION);
    assertThat(d.deny("D-1", Driver.custom(CatalogEvents.CLOSING_STARTED)).reasons()).containsExactly(
        "stakeholders: 0 engaged, at least 3 required (a typical purchase involves 6.8)",
        "stakeholders: no decision-maker or economic buyer engaged");
    d.accept("D-1", new SalesEvent.StakeholderEngaged(Driver.NOW, "dana", StakeholderRole.CHAMPION));
    d.accept("D-1", new SalesEvent.StakeholderEngaged(Driver.NOW, "lee", StakeholderRole.USER));
    d.accept("D-1", new SalesEvent.StakeholderEngaged(Driver.NOW, "the CFO", StakeholderRole.ECONOMIC_BUYER));
    d.move("D-1", Driver.custom(CatalogEvents.CLOSING_STARTED), CatalogStages.CLOSING);

    for (Transition t : SalesCatalog.withStakeholderCoverage(SalesCatalog.eightStep(), 4).transitions()) {
      if (!t.internal() && t.target().equals(CatalogStages.CLOSING)) {
        assertThat(t.guard().label()).as("%s", t).contains("4 stakeholders incl. a decision-maker");
      }
    }
    assertThatThrownBy(() -> SalesCatalog.withStakeholderCoverage(SalesProcess.builder("x")
        .stage(Stage.open("a", "A")).stage(Stage.won("w", "W")).initialStage("a")
        .transition("a", EventType.CLOSED_WON, "w").build(), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SalesGuards.stakeholdersEngaged(3)");
  }

  @Test
  void lateOpenStagesForecastAsBestCaseOrCommitAndAForecastUpdateIsRecordedInPlace() {
    SalesProcess five = SalesCatalog.fiveStep();
    assertThat(five.stage(CatalogStages.PROSPECTING).forecastCategory()).isEqualTo(Stage.ForecastCategory.PIPELINE);
    assertThat(five.stage(CatalogStages.HANDLING_OBJECTIONS).forecastCategory())
        .isEqualTo(Stage.ForecastCategory.BEST_CASE);
    assertThat(five.stage(CatalogStages.CLOSING).forecastCategory()).isEqualTo(Stage.ForecastCategory.COMMIT);
    Driver d = new Driver(five);
    d.start("D-1");
    Deal deal = d.accept("D-1", new SalesEvent.ForecastUpdated(Driver.NOW, LocalDate.of(2026, 12, 15)));
    assertThat(deal.stage()).isEqualTo(CatalogStages.PROSPECTING);
    assertThat(deal.facts().expectedClose()).contains(LocalDate.of(2026, 12, 15));
  }
}
