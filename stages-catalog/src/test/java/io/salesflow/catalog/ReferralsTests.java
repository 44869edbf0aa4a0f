package io.salesflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferralsTests {

  @Test
  void eachProcessHasADocumentedReferralEntryStage() {
    Map<String, String> expected = Map.of(
        SalesCatalog.FIVE_STEP, CatalogStages.PROSPECTING,
        SalesCatalog.SEVEN_STEP_TEXTBOOK, CatalogStages.PROSPECTING,
        SalesCatalog.SEVEN_STEP_REFERRALS, CatalogStages.QUALIFYING,
        SalesCatalog.SEVEN_STEP_FULFILMENT, CatalogStages.QUALIFYING,
        SalesCatalog.EIGHT_STEP, CatalogStages.APPROACHING,
        SalesCatalog.SEVEN_PHASE_FUNNEL, CatalogStages.QUALIFY_LEADS);
    for (SalesProcess process : SalesCatalog.all()) {
      assertThat(SalesCatalog.referralEntryStage(process)).as(process.id()).isEqualTo(expected.get(process.id()));
    }
  }

  @Test
  void aCustomisedProcessWithoutTheEntryStageStartsReferralsAtItsInitialStage() {
    SalesProcess custom = SalesProcess.builder("inbound")
        .stage(io.salesflow.Stage.open("new", "New"))
        .stage(io.salesflow.Stage.won("won", "Won"))
        .initialStage("new")
        .transition("new", io.salesflow.EventType.CLOSED_WON, "won")
        .build();
    assertThat(SalesCatalog.referralEntryStage(custom)).isEqualTo("new");
  }

  @Test
  void aLeadReferredFromOutsideStartsPastTheFirstStepsWithItsSource() {
    Driver driver = new Driver(SalesCatalog.sevenPhaseFunnel());
    Deal lead = Referrals.startLeadReferredFromOutside(driver.engine, SalesCatalog.SEVEN_PHASE_FUNNEL, "Partner fair",
        "D-9");
    assertThat(lead.stage()).isEqualTo(CatalogStages.QUALIFY_LEADS);
    assertThat(lead.facts().source()).contains("Partner fair");
  }

  @Test
  void aLeadReferredFromOutsideNeedsASource() {
    Driver driver = new Driver(SalesCatalog.eightStep());
    assertThatThrownBy(() -> Referrals.startLeadReferredFromOutside(driver.engine, SalesCatalog.EIGHT_STEP, " ",
        "D-9")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source must not be blank");
    assertThat(driver.engine.find("D-9")).isEmpty();
  }

  @Test
  void aReferralTheReferringDealCannotTakeStartsNoLead() {
    Driver driver = new Driver(SalesCatalog.sevenStepReferrals());
    driver.start("D-1");
    assertThatThrownBy(() -> Referrals.startLeadReferredByDeal(driver.engine, "D-1", Driver.referral("Contoso"),
        "D-2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no transition from stage 'prospecting' on event 'referral-received'");
    assertThat(driver.engine.find("D-2")).isEmpty();
  }

  @Test
  void aTakenLeadIdRecordsNoReferral() {
    Driver driver = new Driver(SalesCatalog.eightStep());
    driver.startAt("D-1", CatalogStages.FOLLOW_UP);
    driver.start("D-2");
    assertThatThrownBy(() -> Referrals.startLeadReferredByDeal(driver.engine, "D-1", Driver.referral("Fabrikam"),
        "D-2"))
        .isInstanceOf(DuplicateDealException.class);
    assertThat(driver.engine.get("D-1").facts().referralsGiven()).isZero();
  }
}
