package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.AGE_AND_ASCEND;
import static io.salesflow.catalog.CatalogStages.CHANGE_SELLING_ENVIRONMENT;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.IDENTIFY_HYPERACTIVE_BUYERS;
import static io.salesflow.catalog.CatalogStages.NURTURE;
import static io.salesflow.catalog.CatalogStages.PRE_FRAME_BRIDGE;
import static io.salesflow.catalog.CatalogStages.QUALIFY_BUYERS;
import static io.salesflow.catalog.CatalogStages.QUALIFY_LEADS;
import static io.salesflow.catalog.Driver.custom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.ObjectionCategory;
import org.junit.jupiter.api.Test;

class SevenPhaseFunnelProcessTests {
  private final Driver driver = new Driver(SalesCatalog.sevenPhaseFunnel());

  @Test
  void walksTheSevenPhasesAndRecordsTheTrafficTemperature() {
    driver.start("D-1");
    Deal deal = driver.move("D-1", Driver.scored(LeadTemperature.COLD), PRE_FRAME_BRIDGE);
    assertThat(deal.facts().leadTemperature()).contains(LeadTemperature.COLD);
    driver.move("D-1", custom(CatalogEvents.OPTED_IN), QUALIFY_LEADS);
    deal = driver.move("D-1", Driver.scored(LeadTemperature.HOT), QUALIFY_BUYERS);
    assertThat(deal.facts().leadTemperature()).contains(LeadTemperature.HOT);
    driver.move("D-1", Driver.qualified(Driver.budgetAndNeedOnly()), IDENTIFY_HYPERACTIVE_BUYERS);
    driver.accept("D-1", CatalogEvents.buyerSegmented(Driver.NOW, CatalogEvents.SEGMENT_FAST));
    driver.move("D-1", Driver.won(), AGE_AND_ASCEND);
    driver.accept("D-1", custom(CatalogEvents.OFFER_ASCENDED));
    driver.move("D-1", custom(CatalogEvents.POST_SALE_COMPLETED), CHANGE_SELLING_ENVIRONMENT);
    driver.accept("D-1", Driver.referral("Tailspin"));
    driver.move("D-1", custom(CatalogEvents.POST_SALE_COMPLETED), CUSTOMER);
  }

  @Test
  void aColdLeadStaysInQualifyLeadsUntilItWarmsUp() {
    driver.startAt("D-1", QUALIFY_LEADS);
    Deal deal = driver.accept("D-1", Driver.scored(LeadTemperature.COLD));
    assertThat(deal.stage()).isEqualTo(QUALIFY_LEADS);
    assertThat(driver.engine.explain("D-1")).filteredOn(o -> o.transition().target().equals(QUALIFY_BUYERS))
        .singleElement().satisfies(o -> assertThat(o.unmetConditions()).containsExactly(
            "lead temperature: a cold lead is not a serious buyer yet; it stays in qualify-leads until it warms up"));
    driver.move("D-1", Driver.scored(LeadTemperature.WARM), QUALIFY_BUYERS);
  }

  @Test
  void qualifyBuyersNeedsTwoBantDimensionsOrDisqualifies() {
    driver.startAt("D-1", QUALIFY_BUYERS);
    assertThat(driver.deny("D-1", Driver.qualified(Driver.needOnly())).reasons())
        .contains("BANT: 1 of 4 dimensions confirmed, at least 2 required");
    driver.move("D-1", Driver.qualified(Driver.budgetAndNeedOnly()), IDENTIFY_HYPERACTIVE_BUYERS);
    driver.startAt("D-2", QUALIFY_BUYERS);
    driver.move("D-2", Driver.disqualified(), DISQUALIFIED);
  }

  @Test
  void buyingWaitsUntilEveryObjectionIsResolved() {
    driver.startAt("D-1", IDENTIFY_HYPERACTIVE_BUYERS);
    driver.accept("D-1", Driver.objection(ObjectionCategory.TIMING));
    assertThat(driver.deny("D-1", Driver.won()).reasons())
        .containsExactly("objections: 1 open (timing); resolve it before moving on");
    driver.accept("D-1", Driver.resolved(ObjectionCategory.TIMING));
    driver.move("D-1", Driver.won(), AGE_AND_ASCEND);
  }

  @Test
  void laterBuyersAreNurturedAndComeBack() {
    driver.startAt("D-1", IDENTIFY_HYPERACTIVE_BUYERS);
    driver.accept("D-1", CatalogEvents.buyerSegmented(Driver.NOW, CatalogEvents.SEGMENT_NEEDS_INFORMATION));
    assertThat(driver.deny("D-1", custom(CatalogEvents.NURTURE_STARTED)).reasons()).containsExactly(
        "buyer segment: not recognised as a later buyer", "follow-ups: 0 unanswered in a row, 3 required first");
    driver.accept("D-1", CatalogEvents.buyerSegmented(Driver.NOW, CatalogEvents.SEGMENT_LATER));
    driver.move("D-1", custom(CatalogEvents.NURTURE_STARTED), NURTURE);
    driver.move("D-1", custom(CatalogEvents.RE_ENGAGED), IDENTIFY_HYPERACTIVE_BUYERS);
  }

  @Test
  void silentBuyersAreNurturedAfterThreeUnansweredFollowUps() {
    driver.startAt("D-1", IDENTIFY_HYPERACTIVE_BUYERS);
    for (int i = 0; i < 3; i++) {
      driver.accept("D-1", Driver.followUp(FollowUpOutcome.NO_RESPONSE));
    }
    driver.move("D-1", custom(CatalogEvents.NURTURE_STARTED), NURTURE);
  }

  @Test
  void rejectsAnUnknownBuyerSegment() {
    assertThatThrownBy(() -> CatalogEvents.buyerSegmented(Driver.NOW, "someday"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'someday'");
  }
}
