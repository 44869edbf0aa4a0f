package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.CONTRACT_NEGOTIATION;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.INSTALLATION;
import static io.salesflow.catalog.CatalogStages.POST_SALES_FULFILMENT;
import static io.salesflow.catalog.CatalogStages.PRESENTING_SOLUTION;
import static io.salesflow.catalog.CatalogStages.QUALIFYING;
import static io.salesflow.catalog.CatalogStages.SALES_AND_MAINTENANCE;
import static io.salesflow.catalog.Driver.contact;
import static io.salesflow.catalog.Driver.custom;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.ObjectionCategory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SevenStepFulfilmentProcessTests {
  private final Driver driver = new Driver(SalesCatalog.sevenStepFulfilment());

  @Test
  void walksFromProspectingThroughInstallationAndMaintenanceToCustomer() {
    driver.start("D-1");
    driver.move("D-1", contact(ContactChannel.PHONE), QUALIFYING);
    driver.move("D-1", Driver.qualified(Driver.budgetAndNeedOnly()), PRESENTING_SOLUTION);
    driver.accept("D-1", Driver.presented());
    Deal deal = driver.move("D-1", Driver.proposal("30000"), CONTRACT_NEGOTIATION);
    assertThat(deal.facts().amount()).contains(new BigDecimal("30000"));
    driver.accept("D-1", Driver.terms());
    driver.accept("D-1", Driver.proposal("28000"));
    driver.accept("D-1", Driver.contractSigned());
    driver.move("D-1", Driver.won(), INSTALLATION);
    driver.move("D-1", Driver.onboarded(), SALES_AND_MAINTENANCE);
    driver.accept("D-1", custom(CatalogEvents.MAINTENANCE_DELIVERED));
    driver.move("D-1", custom(CatalogEvents.SUPPORT_HANDOVER), POST_SALES_FULFILMENT);
    driver.accept("D-1", custom(CatalogEvents.SUPPORT_CASE_LOGGED));
    driver.move("D-1", custom(CatalogEvents.POST_SALE_COMPLETED), CUSTOMER);
  }

  @Test
  void disqualifiesProspectsWithoutResources() {
    driver.startAt("D-1", QUALIFYING);
    BantAssessment noMoney = Driver.needOnly().toBuilder().authority(true, 1)
        .budget(BigDecimal.ZERO, true).build();
    assertThat(driver.deny("D-1", Driver.qualified(noMoney)).reasons()).containsExactly(
        "budget: no confirmed budget for the project; prospects without resources do not qualify");
    driver.move("D-1", Driver.disqualified(), DISQUALIFIED);
  }

  @Test
  void qualifyingNeedsAConfirmedBudgetAndTwoBantDimensions() {
    driver.startAt("D-1", QUALIFYING);
    assertThat(driver.deny("D-1", Driver.qualified(Driver.needOnly())).reasons()).contains(
        "budget: no confirmed budget for the project; prospects without resources do not qualify",
        "BANT: 1 of 4 dimensions confirmed, at least 2 required");
    driver.move("D-1", Driver.qualified(Driver.budgetAndNeedOnly()), PRESENTING_SOLUTION);
  }

  @Test
  void theProposalNeedsAPriceAndNoOpenObjections() {
    driver.startAt("D-1", PRESENTING_SOLUTION);
    driver.accept("D-1", Driver.objection(ObjectionCategory.PRICE));
    assertThat(driver.deny("D-1", new SalesEvent.ProposalSent(Driver.NOW, null)).reasons()).containsExactly(
        "objections: 1 open (price); resolve it before moving on", "amount: required but not set");
    driver.accept("D-1", Driver.resolved(ObjectionCategory.PRICE));
    driver.move("D-1", Driver.proposal("30000"), CONTRACT_NEGOTIATION);
  }

  @Test
  void installationNeedsTheSignedContract() {
    driver.startAt("D-1", CONTRACT_NEGOTIATION);
    driver.accept("D-1", Driver.terms());
    assertThat(driver.deny("D-1", Driver.won()).reasons()).containsExactly("contract: not signed yet");
    driver.accept("D-1", Driver.contractSigned());
    driver.move("D-1", Driver.won(), INSTALLATION);
  }

  @Test
  void negotiationCanSendTheDealBackToPresentingTheSolution() {
    driver.startAt("D-1", CONTRACT_NEGOTIATION);
    driver.accept("D-1", Driver.objection(ObjectionCategory.NEED));
    driver.move("D-1", custom(CatalogEvents.PRESENTATION_REQUESTED), PRESENTING_SOLUTION);
    driver.accept("D-1", Driver.presented());
    driver.accept("D-1", Driver.resolved(ObjectionCategory.NEED));
    driver.move("D-1", Driver.proposal("26000"), CONTRACT_NEGOTIATION);
  }
}
