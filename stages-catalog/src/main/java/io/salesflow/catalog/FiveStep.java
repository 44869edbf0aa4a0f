package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.CLOSING;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.HANDLING_OBJECTIONS;
import static io.salesflow.catalog.CatalogStages.POST_SALE;
import static io.salesflow.catalog.CatalogStages.PRESENTATION;
import static io.salesflow.catalog.CatalogStages.PROSPECTING;
import static io.salesflow.catalog.CatalogStages.QUALIFICATION;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionGuard;
import io.salesflow.guard.SalesGuards;

/** five-step, from “What Are the 5 Steps of the Sales Process?”; see {@link SalesCatalog#fiveStep()}. */
final class FiveStep {
  private FiveStep() {}

  static SalesProcess build() {
    SalesProcess.Builder b = SalesProcess.builder(SalesCatalog.FIVE_STEP)
        .name("Five-step sales process")
        .description("A compact five-stage cycle: find leads, vet them on BANT, pitch, work through objections and"
            + " terms, then close; a post-sale stage keeps the new customer happy and asking for referrals."
            + " Source: “What Are the 5 Steps of the Sales Process?”.")
        .stage(Parts.open(PROSPECTING, "Prospecting", 0.05, Parts.TWO_WEEKS,
            "Building a list of people or firms that match the ideal customer profile, from outbound research,"
                + " events or inbound interest, and collecting how to reach them.",
            "Keep the pipeline full; tag each lead cold or warm; log the first real conversation as a contact."))
        .stage(Parts.open(QUALIFICATION, "Qualification", 0.10, Parts.TWO_WEEKS,
            "Checking that the pain is real and that the prospect has money, someone who can sign, and a reason to"
                + " buy now.",
            "Ask open questions; confirm budget and signing authority before any pitch."))
        .stage(Parts.open(PRESENTATION, "Presentation (pitch)", 0.25, Parts.TWO_WEEKS,
            "A pitch built on what qualification uncovered, showing the measurable gain for this customer rather"
                + " than a list of specifications.",
            "Lead with return on investment and a case from the prospect's own industry."))
        .stage(Parts.open(HANDLING_OBJECTIONS, "Handling objections and negotiation", 0.45, Parts.THREE_WEEKS,
            "Working through doubts on price, timing or rival offers, and agreeing commercial terms such as a"
                + " payment plan, discounts or service levels.",
            "Acknowledge first, then reframe; answer price with return on investment; log each objection."))
        .stage(Parts.open(CLOSING, "Closing", 0.70, Parts.TWO_WEEKS,
            "Asking for the business and getting the signed contract or purchase order, with as little friction"
                + " in the paperwork and first payment as possible.",
            "Recap the agreed benefits and next steps; record the signed contract before marking the deal won."))
        .stage(Parts.postSale(POST_SALE, "Post-sale relationship", Parts.QUARTER,
            "After signature: helping the customer put the purchase to work, fixing early issues, confirming"
                + " satisfaction and earning trust for future business.",
            "Check in on implementation and satisfaction; ask happy customers for referrals."))
        .stage(Parts.won("The five-step deal is signed and its post-sale check-ins are done; the account is an"
            + " active customer."))
        .stage(Parts.lost("The five-step pursuit ended without a signature; the closed-lost event records why."))
        .stage(Parts.disqualified("Qualification showed the lead lacks the need, money, authority or urgency for a"
            + " five-step pursuit."))
        .initialStage(PROSPECTING)
        // prospecting
        .internal(PROSPECTING, EventType.LEAD_SCORED)
        .transition(PROSPECTING, EventType.CONTACT_MADE, QUALIFICATION)
        // qualification
        .transition(QUALIFICATION, EventType.QUALIFICATION_ASSESSED, PRESENTATION, SalesGuards.bantAllConfirmed())
        .transition(QUALIFICATION, EventType.DISQUALIFIED, DISQUALIFIED)
        // presentation
        .transition(PRESENTATION, EventType.PRESENTATION_DELIVERED, HANDLING_OBJECTIONS)
        // handling objections and negotiation
        .transition(HANDLING_OBJECTIONS, CatalogEvents.PRESENTATION_REQUESTED, PRESENTATION)
        .transition(HANDLING_OBJECTIONS, EventType.TERMS_NEGOTIATED, CLOSING, SalesGuards.noOpenObjections())
        // closing
        .transition(CLOSING, EventType.OBJECTION_RAISED, HANDLING_OBJECTIONS)
        .internal(CLOSING, EventType.CONTRACT_SIGNED)
        .transition(CLOSING, EventType.CLOSED_WON, POST_SALE,
            SalesGuards.noOpenObjections().and(TransitionGuard.requiredFields("contract")))
        // post-sale
        .internal(POST_SALE, EventType.ONBOARDING_DONE)
        .internal(POST_SALE, EventType.REFERRAL_RECEIVED)
        .transition(POST_SALE, CatalogEvents.POST_SALE_COMPLETED, CUSTOMER);
    Parts.objectionRows(b, PRESENTATION, HANDLING_OBJECTIONS);
    Parts.contactRows(b, QUALIFICATION, PRESENTATION, HANDLING_OBJECTIONS, CLOSING);
    Parts.openRows(b, PROSPECTING, QUALIFICATION, PRESENTATION, HANDLING_OBJECTIONS, CLOSING);
    Parts.postSaleRows(b, POST_SALE);
    return b.build();
  }
}
