package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.APPROACHING;
import static io.salesflow.catalog.CatalogStages.CLOSING;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.FOLLOW_UP;
import static io.salesflow.catalog.CatalogStages.OBJECTION_HANDLING;
import static io.salesflow.catalog.CatalogStages.ONBOARDING;
import static io.salesflow.catalog.CatalogStages.PITCH;
import static io.salesflow.catalog.CatalogStages.QUALIFICATION;
import static io.salesflow.catalog.Driver.contact;
import static io.salesflow.catalog.Driver.custom;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.catalog.CatalogEvents.BuyInSide;
import org.junit.jupiter.api.Test;

class EightStepProcessTests {
  private final Driver driver = new Driver(SalesCatalog.eightStep());

  @Test
  void walksTheEightStagesToCustomer() {
    driver.start("D-1");
    driver.move("D-1", custom(CatalogEvents.PROSPECT_IDENTIFIED), APPROACHING);
    driver.accept("D-1", Driver.followUp(io.salesflow.SalesEvent.FollowUpOutcome.NO_RESPONSE));
    driver.move("D-1", contact(ContactChannel.EMAIL, ApproachMethod.PRODUCT), QUALIFICATION);
    driver.move("D-1", Driver.qualified(Driver.fullBant()), PITCH);
    driver.move("D-1", Driver.presented(), OBJECTION_HANDLING);
    driver.move("D-1", custom(CatalogEvents.CLOSING_STARTED), CLOSING);
    driver.accept("D-1", Driver.proposal("18000"));
    driver.accept("D-1", Driver.terms());
    driver.accept("D-1", CatalogEvents.buyInConfirmed(Driver.NOW, BuyInSide.BUYER, "CFO"));
    driver.accept("D-1", CatalogEvents.buyInConfirmed(Driver.NOW, BuyInSide.SELLER, "Head of sales"));
    driver.move("D-1", Driver.won(), ONBOARDING);
    driver.move("D-1", Driver.onboarded(), FOLLOW_UP);
    driver.accept("D-1", Driver.referral("Fabrikam"));
    driver.move("D-1", custom(CatalogEvents.POST_SALE_COMPLETED), CUSTOMER);
  }

  @Test
  void dropsProspectsThatDoNotFit() {
    driver.start("D-1");
    driver.move("D-1", Driver.disqualified(), DISQUALIFIED);
    driver.startAt("D-2", QUALIFICATION);
    driver.move("D-2", Driver.disqualified(), DISQUALIFIED);
  }

  @Test
  void qualificationNeedsAllFourBantDimensions() {
    driver.startAt("D-1", QUALIFICATION);
    assertThat(driver.deny("D-1", Driver.qualified(Driver.needOnly())).reasons()).containsExactly(
        "budget: unknown", "authority: no decision-maker identified", "timing: no decision date known");
    driver.move("D-1", Driver.qualified(Driver.fullBant()), PITCH);
  }

  @Test
  void signingNeedsAProposalAndBuyInFromBothSides() {
    driver.startAt("D-1", CLOSING);
    assertThat(driver.deny("D-1", Driver.won()).reasons()).containsExactly("proposal: not sent yet",
        "buy-in: no decision-maker on the buyer's side has agreed yet",
        "buy-in: no decision-maker on the seller's side has agreed yet");
    driver.accept("D-1", Driver.proposal("18000"));
    driver.accept("D-1", CatalogEvents.buyInConfirmed(Driver.NOW, BuyInSide.BUYER, "CFO"));
    assertThat(driver.deny("D-1", Driver.won()).reasons())
        .containsExactly("buy-in: no decision-maker on the seller's side has agreed yet");
    driver.accept("D-1", CatalogEvents.buyInConfirmed(Driver.NOW, BuyInSide.SELLER, "Head of sales"));
    Deal deal = driver.move("D-1", Driver.won(), ONBOARDING);
    assertThat(deal.facts().attributes()).containsEntry(CatalogEvents.BUY_IN_BUYER, "CFO")
        .containsEntry(CatalogEvents.BUY_IN_SELLER, "Head of sales");
  }

  @Test
  void closingWaitsUntilEveryObjectionIsResolvedAndAnObjectionInClosingGoesBack() {
    driver.startAt("D-1", PITCH);
    driver.accept("D-1", Driver.objection(ObjectionCategory.AUTHORITY));
    assertThat(driver.deny("D-1", custom(CatalogEvents.CLOSING_STARTED)).reasons())
        .containsExactly("objections: 1 open (authority); resolve it before moving on");
    driver.accept("D-1", Driver.resolved(ObjectionCategory.AUTHORITY));
    driver.move("D-1", custom(CatalogEvents.CLOSING_STARTED), CLOSING);
    driver.move("D-1", Driver.objection(ObjectionCategory.PRICE), OBJECTION_HANDLING);
    driver.move("D-1", custom(CatalogEvents.PRESENTATION_REQUESTED), PITCH);
  }

  @Test
  void aReferralFromFollowUpStartsANewLeadAtApproaching() {
    driver.startAt("D-1", FOLLOW_UP);
    Deal lead = Referrals.startLeadReferredByDeal(driver.engine, "D-1", Driver.referral("Fabrikam"), "D-2");
    assertThat(lead.stage()).isEqualTo(APPROACHING);
    assertThat(lead.facts().source()).contains("Fabrikam");
  }
}
