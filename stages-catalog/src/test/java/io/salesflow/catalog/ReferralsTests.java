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
    Deal lead = Referrals.startReferredLead(driver.engine, "D-9", SalesCatalog.SEVEN_PHASE_FUNNEL, "Partner fair");
    assertThat(lead.stage()).isEqualTo(CatalogStages.QUALIFY_LEADS);
    assertThat(lead.facts().source()).contains("Partner fair");
  }

  @Test
  void aReferralTheReferringDealCannotTakeStartsNoLead() {
    Driver driver = new Driver(SalesCatalog.sevenStepReferrals());
    driver.start("D-1");
    assertThatThrownBy(() -> Referrals.startReferredLead(driver.engine, "D-1", "D-2", Driver.referral("Contoso")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no transition from stage 'prospecting' on event 'referral-received'");
    assertThat(driver.engine.find("D-2")).isEmpty();
  }

  @Test
  void aTakenLeadIdRecordsNoReferral() {
    Driver driver = new Driver(SalesCatalog.eightStep());
    driver.startAt("D-1", CatalogStages.FOLLOW_UP);
    driver.start("D-2");
    assertThatThrownBy(() -> Referrals.startReferredLead(driver.engine, "D-1", "D-2", Driver.referral("Fabrikam")))
        .isInstanceOf(DuplicateDealException.class);
    assertThat(driver.engine.get("D-1").facts().referralsGiven()).isZero();
  }
}
