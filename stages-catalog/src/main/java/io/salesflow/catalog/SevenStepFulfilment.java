package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.CONTRACT_NEGOTIATION;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.INSTALLATION;
import static io.salesflow.catalog.CatalogStages.POST_SALES_FULFILMENT;
import static io.salesflow.catalog.CatalogStages.PRESENTING_SOLUTION;
import static io.salesflow.catalog.CatalogStages.PROSPECTING;
import static io.salesflow.catalog.CatalogStages.QUALIFYING;
import static io.salesflow.catalog.CatalogStages.SALES_AND_MAINTENANCE;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.guard.SalesGuards;

/** seven-step-fulfilment, from “The 7 Step Of Sales Process”; see {@link SalesCatalog#sevenStepFulfilment()}. */
final class SevenStepFulfilment {
  /** The article judges the prospect's ability to do business; two BANT dimensions besides a budget suffice. */
  static final int BANT_DIMENSIONS = 2;

  private SevenStepFulfilment() {}

  static SalesProcess build() {
    Stage installation = Parts.postSale(INSTALLATION, "Installation", Parts.MONTH,
        "Delivering and installing the product so the customer moves into everyday use without disruption.",
        "Plan the handover from delivery to a working installation.")
        .toBuilder().addRequiredToEnter("contract").build();
    SalesProcess.Builder b = SalesProcess.builder(SalesCatalog.SEVEN_STEP_FULFILMENT)
        .name("Seven-step sales process with fulfilment")
        .description("A project-style sale that is won when the negotiated contract is signed and then continues"
            + " through installation, maintenance and ongoing support. Source: “The 7 Step Of Sales Process”.")
        .stage(Parts.open(PROSPECTING, "Prospecting", 0.05, Parts.TWO_WEEKS,
            "Creating interest among potential customers and making a first check that their needs match what"
                + " you deliver.",
            "Test fit early; record the first real conversation as a contact."))
        .stage(Parts.open(QUALIFYING, "Qualifying", 0.12, Parts.TWO_WEEKS,
            "Screening out prospects who do not qualify or lack the resources for the project, and deciding"
                + " whether to keep pursuing them.",
            "Confirm they can fund and run the project; disqualify quickly if not."))
        .stage(Parts.open(PRESENTING_SOLUTION, "Presenting solution (proposal)", 0.30, Parts.TWO_WEEKS,
            "A value-led presentation and proposal with the offer, its price, features and benefits, answering"
                + " the prospect's needs and objections.",
            "Put a price in the proposal; clear every objection before contract talks."))
        .stage(Parts.open(CONTRACT_NEGOTIATION, "Contract / negotiation", 0.60, Parts.MONTH,
            "Both sides trade concessions until the terms are agreed and the contract is signed; the signature"
                + " wins the deal.",
            "Log each negotiated term; record the signed contract before marking the deal won."))
        .stage(installation)
        .stage(Parts.postSale(SALES_AND_MAINTENANCE, "Sales and maintenance", Parts.QUARTER,
            "Ongoing care after installation, such as software, hardware or database updates.",
            "Schedule updates and keep the account active."))
        .stage(Parts.postSale(POST_SALES_FULFILMENT, "Post-sales fulfilment", Parts.QUARTER,
            "Customer support for product, technical or billing questions, while learning what pleases or"
                + " annoys the customer to find further sales.",
            "Resolve support cases; note upsell ideas and product feedback."))
        .stage(Parts.won("The contract is signed and the product installed, maintained and supported; the"
            + " account is an established customer."))
        .stage(Parts.lost("The project sale fell through before a contract was signed; the closed-lost event"
            + " records why."))
        .stage(Parts.disqualified("The prospect lacked the fit or the resources to carry the project, so the"
            + " pursuit stopped."))
        .initialStage(PROSPECTING)
        // prospecting: fit is checked here too
        .transition(PROSPECTING, EventType.CONTACT_MADE, QUALIFYING)
        .transition(PROSPECTING, EventType.DISQUALIFIED, DISQUALIFIED)
        // qualifying
        .transition(QUALIFYING, EventType.QUALIFICATION_ASSESSED, PRESENTING_SOLUTION,
            Parts.resourcesConfirmed().and(SalesGuards.bantAtLeast(BANT_DIMENSIONS)))
        .transition(QUALIFYING, EventType.DISQUALIFIED, DISQUALIFIED)
        // presenting solution
        .internal(PRESENTING_SOLUTION, EventType.PRESENTATION_DELIVERED)
        .transition(PRESENTING_SOLUTION, EventType.PROPOSAL_SENT, CONTRACT_NEGOTIATION,
            SalesGuards.noOpenObjections().and(TransitionGuard.requiredFields("amount")))
        // contract / negotiation: the deal is won here
        .internal(CONTRACT_NEGOTIATION, EventType.TERMS_NEGOTIATED)
        .internal(CONTRACT_NEGOTIATION, EventType.PROPOSAL_SENT)
        .internal(CONTRACT_NEGOTIATION, EventType.CONTRACT_SIGNED)
        .transition(CONTRACT_NEGOTIATION, CatalogEvents.PRESENTATION_REQUESTED, PRESENTING_SOLUTION)
        .transition(CONTRACT_NEGOTIATION, EventType.CLOSED_WON, INSTALLATION, SalesGuards.noOpenObjections())
        // installation (entering it requires the signed contract), maintenance, fulfilment
        .transition(INSTALLATION, EventType.ONBOARDING_DONE, SALES_AND_MAINTENANCE)
        .internal(SALES_AND_MAINTENANCE, CatalogEvents.MAINTENANCE_DELIVERED)
        .transition(SALES_AND_MAINTENANCE, CatalogEvents.SUPPORT_HANDOVER, POST_SALES_FULFILMENT)
        .internal(POST_SALES_FULFILMENT, CatalogEvents.SUPPORT_CASE_LOGGED)
        .transition(POST_SALES_FULFILMENT, CatalogEvents.POST_SALE_COMPLETED, CUSTOMER);
    Parts.objectionRows(b, PRESENTING_SOLUTION, CONTRACT_NEGOTIATION);
    Parts.contactRows(b, QUALIFYING, PRESENTING_SOLUTION, CONTRACT_NEGOTIATION);
    Parts.openRows(b, PROSPECTING, QUALIFYING, PRESENTING_SOLUTION, CONTRACT_NEGOTIATION);
    Parts.postSaleRows(b, INSTALLATION, SALES_AND_MAINTENANCE, POST_SALES_FULFILMENT);
    return b.build();
  }
}
