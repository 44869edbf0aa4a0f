package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.APPROACHING;
import static io.salesflow.catalog.CatalogStages.CLOSING;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.FOLLOW_UP;
import static io.salesflow.catalog.CatalogStages.OBJECTION_HANDLING;
import static io.salesflow.catalog.CatalogStages.ONBOARDING;
import static io.salesflow.catalog.CatalogStages.PITCH;
import static io.salesflow.catalog.CatalogStages.PROSPECTING;
import static io.salesflow.catalog.CatalogStages.QUALIFICATION;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionGuard;
import io.salesflow.guard.SalesGuards;

/**
 * eight-step, from “8 Key Stages that the Best Sales Process Covers” (SmartWinnr); see
 * {@link SalesCatalog#eightStep()}.
 */
final class EightStep {
  private EightStep() {}

  static SalesProcess build() {
    SalesProcess.Builder b = SalesProcess.builder(SalesCatalog.EIGHT_STEP)
        .name("Eight-step sales process")
        .description("Eight stages from lead generation to after-sale nurturing, qualifying on BANT once the"
            + " prospect is reached and signing only with a proposal out and the agreement of a deciding person on"
            + " each side. Source: “8 Key Stages that the Best Sales Process Covers” (SmartWinnr).")
        .stage(Parts.open(PROSPECTING, "Prospecting", 0.03, Parts.TWO_WEEKS,
            "Sourcing early leads from social media, networks and customer referrals, and finding their contact"
                + " details, with buyer personas in mind.",
            "Expect at least half of prospects not to fit; screen against your personas before reaching out."))
        .stage(Parts.open(APPROACHING, "Approaching / connecting", 0.06, Parts.TWO_WEEKS,
            "Finding the right person to talk to and earning their attention, with a sample or an expert"
                + " question, while learning what drives them.",
            "Listen, take notes, build trust; follow up until you reach the right person."))
        .stage(Parts.open(QUALIFICATION, "Qualification", 0.10, Parts.TWO_WEEKS,
            "Early in the first call or email thread: testing mutual fit on the problem, past attempts, budget,"
                + " alternatives, timing and who decides.",
            "Run BANT; make sure you are speaking to the decision-maker; drop leads that do not fit."))
        .stage(Parts.open(PITCH, "Pitch / preparation", 0.25, Parts.TWO_WEEKS,
            "Researching the qualified account, then giving a personalised demo, in person or by video, that"
                + " presents the product as the fix and shows the cost of waiting.",
            "Tailor the demo to their most pressing needs."))
        .stage(Parts.open(OBJECTION_HANDLING, "Objection handling", 0.40, Parts.THREE_WEEKS,
            "Clearing the questions left after the demo about the solution, the brand or the price, and"
                + " reframing the pitch from the buyer's point of view.",
            "Listen patiently; make the cost of not buying clear."))
        .stage(Parts.open(CLOSING, "Closing", 0.65, Parts.THREE_WEEKS,
            "Writing the proposal, negotiating the details and getting decision-makers on both sides to agree,"
                + " then getting the signature.",
            "Proposal, negotiated terms, buy-in on both sides, then signature; a time-limited offer and fewer"
                + " options help."))
        .stage(Parts.postSale(ONBOARDING, "Onboarding", Parts.MONTH,
            "Delivering the product, setting the customer up and supporting them, ideally with the same rep,"
                + " while working out what will keep them.",
            "Stay involved after the win; find out what keeps this customer happy."))
        .stage(Parts.postSale(FOLLOW_UP, "Follow-up", Parts.QUARTER,
            "Nurturing the paying customer with product news, requests for feedback and for referrals, to drive"
                + " upsell and repeat business.",
            "Check in regularly; ask for referrals without hesitation."))
        .stage(Parts.won("The eight-step deal is signed, the customer onboarded and followed up; the account is a"
            + " long-term client."))
        .stage(Parts.lost("The eight-step pursuit ended without a signed deal; see the closed-lost event for"
            + " why."))
        .stage(Parts.disqualified("The lead did not match the personas or failed BANT; the SmartWinnr article"
            + " expects this of at least half of all prospects."))
        .initialStage(PROSPECTING)
        // prospecting
        .transition(PROSPECTING, CatalogEvents.PROSPECT_IDENTIFIED, APPROACHING)
        .transition(PROSPECTING, EventType.DISQUALIFIED, DISQUALIFIED)
        // approaching
        .transition(APPROACHING, EventType.CONTACT_MADE, QUALIFICATION)
        // qualification
        .transition(QUALIFICATION, EventType.QUALIFICATION_ASSESSED, PITCH, SalesGuards.bantAllConfirmed())
        .transition(QUALIFICATION, EventType.DISQUALIFIED, DISQUALIFIED)
        // pitch
        .transition(PITCH, EventType.PRESENTATION_DELIVERED, OBJECTION_HANDLING)
        .transition(PITCH, CatalogEvents.CLOSING_STARTED, CLOSING, SalesGuards.noOpenObjections())
        // objection handling
        .transition(OBJECTION_HANDLING, CatalogEvents.PRESENTATION_REQUESTED, PITCH)
        .transition(OBJECTION_HANDLING, CatalogEvents.CLOSING_STARTED, CLOSING, SalesGuards.noOpenObjections())
        // closing: proposal, terms and buy-in before the signature
        .internal(CLOSING, EventType.PROPOSAL_SENT)
        .internal(CLOSING, EventType.TERMS_NEGOTIATED)
        .internal(CLOSING, CatalogEvents.BUY_IN_CONFIRMED)
        .transition(CLOSING, EventType.OBJECTION_RAISED, OBJECTION_HANDLING)
        .transition(CLOSING, EventType.CLOSED_WON, ONBOARDING, SalesGuards.noOpenObjections()
            .and(TransitionGuard.requiredFields("proposal")).and(Parts.buyInFromBothSides()))
        // onboarding and follow-up
        .transition(ONBOARDING, EventType.ONBOARDING_DONE, FOLLOW_UP)
        .internal(FOLLOW_UP, EventType.REFERRAL_RECEIVED)
        .transition(FOLLOW_UP, CatalogEvents.POST_SALE_COMPLETED, CUSTOMER);
    Parts.objectionRows(b, PITCH, OBJECTION_HANDLING);
    Parts.contactRows(b, QUALIFICATION, PITCH, OBJECTION_HANDLING, CLOSING);
    Parts.openRows(b, PROSPECTING, APPROACHING, QUALIFICATION, PITCH, OBJECTION_HANDLING, CLOSING);
    Parts.postSaleRows(b, ONBOARDING, FOLLOW_UP);
    return b.build();
  }
}
