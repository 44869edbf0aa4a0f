package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.CLOSING;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.GENERATING_REFERRALS;
import static io.salesflow.catalog.CatalogStages.MAKING_CONTACT;
import static io.salesflow.catalog.CatalogStages.OVERCOMING_OBJECTIONS;
import static io.salesflow.catalog.CatalogStages.PRESENTING;
import static io.salesflow.catalog.CatalogStages.QUALIFYING;
import static io.salesflow.catalog.Driver.contact;
import static io.salesflow.catalog.Driver.custom;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.ObjectionCategory;
import org.junit.jupiter.api.Test;

class SevenStepReferralsProcessTests {
  private final Driver driver = new Driver(SalesCatalog.sevenStepReferrals());

  @Test
  void walksFromProspectingToReferralsAndCustomer() {
    driver.start("D-1");
    driver.move("D-1", custom(CatalogEvents.PROSPECT_IDENTIFIED), MAKING_CONTACT);
    driver.accept("D-1", contact(ContactChannel.EMAIL));
    driver.accept("D-1", contact(ContactChannel.SOCIAL));
    driver.move("D-1", custom(CatalogEvents.APPOINTMENT_SET), QUALIFYING);
    driver.move("D-1", Driver.qualified(Driver.fullBant()), PRESENTING);
    driver.move("D-1", Driver.presented(), OVERCOMING_OBJECTIONS);
    driver.move("D-1", custom(CatalogEvents.CLOSING_STARTED), CLOSING);
    driver.move("D-1", Driver.won(), GENERATING_REFERRALS);
    driver.accept("D-1", Driver.referral("Contoso"));
    driver.move("D-1", custom(CatalogEvents.POST_SALE_COMPLETED), CUSTOMER);
  }

  @Test
  void makingContactNeedsTwoDifferentChannels() {
    driver.startAt("D-1", MAKING_CONTACT);
    driver.accept("D-1", contact(ContactChannel.EMAIL));
    driver.accept("D-1", contact(ContactChannel.EMAIL));
    assertThat(driver.deny("D-1", custom(CatalogEvents.APPOINTMENT_SET)).reasons())
        .containsExactly("contact: reached through 1 channel (email), at least 2 different channels required");
    driver.accept("D-1", contact(ContactChannel.PHONE));
    driver.move("D-1", custom(CatalogEvents.APPOINTMENT_SET), QUALIFYING);
  }

  @Test
  void earlyQualifyingQuestionsAreRecordedDuringContactAndCanDisqualify() {
    driver.startAt("D-1", MAKING_CONTACT);
    Deal deal = driver.accept("D-1", Driver.qualified(Driver.needOnly()));
    assertThat(deal.stage()).isEqualTo(MAKING_CONTACT);
    assertThat(deal.facts().bant().needConfirmed()).isTrue();
    driver.move("D-1", Driver.disqualified(), DISQUALIFIED);
  }

  @Test
  void qualifyingNeedsThreeBantDimensions() {
    driver.startAt("D-1", QUALIFYING);
    assertThat(driver.deny("D-1", Driver.qualified(Driver.needOnly())).reasons())
        .contains("BANT: 1 of 4 dimensions confirmed, at least 3 required", "authority: no decision-maker identified");
    driver.move("D-1", Driver.qualified(Driver.budgetAndNeedOnly().toBuilder().authority(true, 2).build()),
        PRESENTING);
  }

  @Test
  void closingWaitsUntilEveryObjectionIsResolvedAndLoopsBackOnANewOne() {
    driver.startAt("D-1", PRESENTING);
    driver.accept("D-1", Driver.objection(ObjectionCategory.NEED));
    assertThat(driver.deny("D-1", custom(CatalogEvents.CLOSING_STARTED)).reasons())
        .containsExactly("objections: 1 open (need); resolve it before moving on");
    driver.accept("D-1", Driver.resolved(ObjectionCategory.NEED));
    driver.move("D-1", custom(CatalogEvents.CLOSING_STARTED), CLOSING);
    driver.move("D-1", Driver.objection(ObjectionCategory.PRICE), OVERCOMING_OBJECTIONS);
    driver.move("D-1", custom(CatalogEvents.PRESENTATION_REQUESTED), PRESENTING);
  }

  @Test
  void aReferralStartsANewLeadAtQualifyingWithItsSource() {
    driver.startAt("D-1", GENERATING_REFERRALS);
    Deal lead = Referrals.startLeadReferredByDeal(driver.engine, "D-1", Driver.referral("Contoso"), "D-2");
    assertThat(lead.processId()).isEqualTo(SalesCatalog.SEVEN_STEP_REFERRALS);
    assertThat(lead.stage()).isEqualTo(QUALIFYING);
    assertThat(lead.facts().source()).contains("Contoso");
    assertThat(lead.facts().leadTemperature()).contains(LeadTemperature.WARM);
    assertThat(driver.engine.get("D-1").facts().referralsGiven()).isEqualTo(1);
    driver.move("D-2", Driver.qualified(Driver.fullBant()), PRESENTING);
  }
}
