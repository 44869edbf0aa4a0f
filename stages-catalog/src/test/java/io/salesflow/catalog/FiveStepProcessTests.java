package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.CLOSING;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.HANDLING_OBJECTIONS;
import static io.salesflow.catalog.CatalogStages.POST_SALE;
import static io.salesflow.catalog.CatalogStages.PRESENTATION;
import static io.salesflow.catalog.CatalogStages.PROSPECTING;
import static io.salesflow.catalog.CatalogStages.QUALIFICATION;
import static io.salesflow.catalog.Driver.contact;
import static io.salesflow.catalog.Driver.custom;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.ObjectionCategory;
import org.junit.jupiter.api.Test;

class FiveStepProcessTests {
  private final Driver driver = new Driver(SalesCatalog.fiveStep());

  @Test
  void walksFromProspectingThroughPostSaleToCustomer() {
    driver.start("D-1");
    Deal deal = driver.accept("D-1", Driver.scored(LeadTemperature.WARM));
    assertThat(deal.stage()).isEqualTo(PROSPECTING);
    assertThat(deal.facts().leadTemperature()).contains(LeadTemperature.WARM);
    driver.move("D-1", contact(ContactChannel.PHONE), QUALIFICATION);
    driver.move("D-1", Driver.qualified(Driver.fullBant()), PRESENTATION);
    driver.move("D-1", Driver.presented(), HANDLING_OBJECTIONS);
    driver.accept("D-1", Driver.objection(ObjectionCategory.PRICE));
    driver.accept("D-1", Driver.resolved(ObjectionCategory.PRICE));
    driver.move("D-1", Driver.terms(), CLOSING);
    driver.accept("D-1", Driver.contractSigned());
    driver.move("D-1", Driver.won(), POST_SALE);
    driver.accept("D-1", Driver.onboarded());
    driver.accept("D-1", Driver.referral("Acme Ltd"));
    deal = driver.move("D-1", custom(CatalogEvents.POST_SALE_COMPLETED), CUSTOMER);
    assertThat(deal.facts().referralsGiven()).isEqualTo(1);
  }

  @Test
  void disqualifiesAtQualification() {
    driver.start("D-1");
    driver.move("D-1", contact(ContactChannel.EMAIL), QUALIFICATION);
    Deal deal = driver.move("D-1", Driver.disqualified(), DISQUALIFIED);
    assertThat(deal.facts().disqualificationReason()).contains("no budget this year");
  }

  @Test
  void loopsFromObjectionsBackToPresentationAndFromClosingBackToObjections() {
    driver.startAt("D-1", HANDLING_OBJECTIONS);
    driver.move("D-1", custom(CatalogEvents.PRESENTATION_REQUESTED), PRESENTATION);
    driver.move("D-1", Driver.presented(), HANDLING_OBJECTIONS);
    driver.move("D-1", Driver.terms(), CLOSING);
    driver.move("D-1", Driver.objection(ObjectionCategory.TIMING), HANDLING_OBJECTIONS);
    assertThat(driver.engine.get("D-1").facts().presentations()).isEqualTo(1);
  }

  @Test
  void qualificationNeedsAllFourBantDimensions() {
    driver.startAt("D-1", QUALIFICATION);
    assertThat(driver.deny("D-1", Driver.qualified(Driver.budgetAndNeedOnly())).reasons())
        .containsExactly("authority: no decision-maker identified", "timing: no decision date known");
    driver.move("D-1", Driver.qualified(Driver.fullBant()), PRESENTATION);
  }

  @Test
  void closingWaitsUntilEveryObjectionIsResolved() {
    driver.startAt("D-1", HANDLING_OBJECTIONS);
    driver.accept("D-1", Driver.objection(ObjectionCategory.PRICE));
    assertThat(driver.deny("D-1", Driver.terms()).reasons())
        .containsExactly("objections: 1 open (price); resolve it before moving on");
    driver.accept("D-1", Driver.resolved(ObjectionCategory.PRICE));
    driver.move("D-1", Driver.terms(), CLOSING);
  }

  @Test
  void winningNeedsTheSignedContract() {
    driver.startAt("D-1", CLOSING);
    assertThat(driver.deny("D-1", Driver.won()).reasons()).containsExactly("contract: not signed yet");
    driver.accept("D-1", Driver.contractSigned());
    driver.move("D-1", Driver.won(), POST_SALE);
  }
}
