package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.APPROACH;
import static io.salesflow.catalog.CatalogStages.CLOSING;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.FOLLOW_UP;
import static io.salesflow.catalog.CatalogStages.HANDLING_OBJECTIONS;
import static io.salesflow.catalog.CatalogStages.NURTURE;
import static io.salesflow.catalog.CatalogStages.PREPARATION;
import static io.salesflow.catalog.CatalogStages.PRESENTATION;
import static io.salesflow.catalog.CatalogStages.PROSPECTING;
import static io.salesflow.catalog.Driver.contact;
import static io.salesflow.catalog.Driver.custom;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.ObjectionCategory;
import org.junit.jupiter.api.Test;

class SevenStepTextbookProcessTests {
  private final Driver driver = new Driver(SalesCatalog.sevenStepTextbook());

  @Test
  void walksTheSevenStepsAndRecordsApproachMethodAndClosingTechnique() {
    driver.start("D-1");
    driver.accept("D-1", contact(ContactChannel.PHONE));
    driver.move("D-1", Driver.qualified(Driver.budgetAndNeedOnly()), PREPARATION);
    driver.move("D-1", custom(CatalogEvents.PREPARATION_COMPLETED), APPROACH);
    Deal deal = driver.move("D-1", contact(ContactChannel.IN_PERSON, ApproachMethod.PREMIUM), PRESENTATION);
    assertThat(deal.facts().approachMethod()).contains(ApproachMethod.PREMIUM);
    driver.move("D-1", Driver.presented(), HANDLING_OBJECTIONS);
    driver.move("D-1", custom(CatalogEvents.CLOSING_STARTED), CLOSING);
    deal = driver.move("D-1", Driver.won(ClosingTechnique.STANDING_ROOM_ONLY), FOLLOW_UP);
    assertThat(deal.facts().closingTechnique()).contains(ClosingTechnique.STANDING_ROOM_ONLY);
    driver.accept("D-1", Driver.referral("Northwind"));
    driver.move("D-1", custom(CatalogEvents.POST_SALE_COMPLETED), CUSTOMER);
  }

  @Test
  void disqualifiesWhileProspecting() {
    driver.start("D-1");
    driver.move("D-1", Driver.disqualified(), DISQUALIFIED);
  }

  @Test
  void prospectingQualifiesOnNeedAndAbilityToPay() {
    driver.start("D-1");
    assertThat(driver.deny("D-1", Driver.qualified(Driver.needOnly())).reasons())
        .containsExactly("budget: the prospect has not confirmed they can afford it");
    driver.move("D-1", Driver.qualified(Driver.budgetAndNeedOnly()), PREPARATION);
    assertThat(driver.stage("D-1")).isNotEqualTo(PROSPECTING);
  }

  @Test
  void presentsAgainAfterObjectionsAsOftenAsNeeded() {
    driver.startAt("D-1", PRESENTATION);
    for (int round = 0; round < 3; round++) {
      driver.move("D-1", Driver.presented(), HANDLING_OBJECTIONS);
      driver.move("D-1", custom(CatalogEvents.PRESENTATION_REQUESTED), PRESENTATION);
    }
    assertThat(driver.engine.get("D-1").facts().presentations()).isEqualTo(3);
  }

  @Test
  void closingWaitsUntilEveryObjectionIsResolved() {
    driver.startAt("D-1", HANDLING_OBJECTIONS);
    driver.accept("D-1", Driver.objection(ObjectionCategory.COMPETITOR));
    assertThat(driver.deny("D-1", custom(CatalogEvents.CLOSING_STARTED)).reasons())
        .containsExactly("objections: 1 open (competitor); resolve it before moving on");
    driver.accept("D-1", Driver.resolved(ObjectionCategory.COMPETITOR));
    driver.move("D-1", custom(CatalogEvents.CLOSING_STARTED), CLOSING);
  }

  @Test
  void nurturesAfterThreeUnansweredFollowUpsAndApproachesAgainWhenReengaged() {
    driver.startAt("D-1", PRESENTATION);
    driver.accept("D-1", Driver.followUp(FollowUpOutcome.NO_RESPONSE));
    driver.accept("D-1", Driver.followUp(FollowUpOutcome.NO_RESPONSE));
    assertThat(driver.deny("D-1", custom(CatalogEvents.NURTURE_STARTED)).reasons())
        .containsExactly("follow-ups: 2 unanswered in a row, 3 required first");
    driver.accept("D-1", Driver.followUp(FollowUpOutcome.NO_RESPONSE));
    driver.move("D-1", custom(CatalogEvents.NURTURE_STARTED), NURTURE);
    driver.move("D-1", custom(CatalogEvents.RE_ENGAGED), APPROACH);
    driver.move("D-1", contact(ContactChannel.PHONE, ApproachMethod.QUESTION), PRESENTATION);
  }
}
