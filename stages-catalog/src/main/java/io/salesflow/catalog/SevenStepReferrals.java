package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.CLOSING;
import static io.salesflow.catalog.CatalogStages.CUSTOMER;
import static io.salesflow.catalog.CatalogStages.DISQUALIFIED;
import static io.salesflow.catalog.CatalogStages.GENERATING_REFERRALS;
import static io.salesflow.catalog.CatalogStages.MAKING_CONTACT;
import static io.salesflow.catalog.CatalogStages.OVERCOMING_OBJECTIONS;
import static io.salesflow.catalog.CatalogStages.PRESENTING;
import static io.salesflow.catalog.CatalogStages.PROSPECTING;
import static io.salesflow.catalog.CatalogStages.QUALIFYING;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.guard.SalesGuards;

/** seven-step-referrals, from “The 7 Stages of the Sales Process”; see {@link SalesCatalog#sevenStepReferrals()}. */
final class SevenStepReferrals {
  /** The article asks for two different channels before contact counts as made. */
  static final int CONTACT_CHANNELS = 2;
  /** The article names no criteria for qualifying; three of the four BANT dimensions is the catalog's default. */
  static final int BANT_DIMENSIONS = 3;

  private SevenStepReferrals() {}

  static SalesProcess build() {
    SalesProcess.Builder b = SalesProcess.builder(SalesCatalog.SEVEN_STEP_REFERRALS)
        .name("Seven-step sales process with referrals")
        .description("Seven stages in which qualifying follows a two-channel first contact and the cycle ends by"
            + " asking the new client for referrals, whose leads skip the opening steps."
            + " Source: “The 7 Stages of the Sales Process”.")
        .stage(Parts.open(PROSPECTING, "Prospecting", 0.05, Parts.TWO_WEEKS,
            "Using a clear picture of what the offering solves, and for whom, to target only leads likely to"
                + " convert.",
            "Target the right people; skip leads that will never buy."))
        .stage(Parts.open(MAKING_CONTACT, "Making contact", 0.08, Parts.TWO_WEEKS,
            "Reaching each prospect on two different channels to win a next step, keeping the full pitch for"
                + " later.",
            "Use two of email, social and phone; ask a few qualifying questions if the prospect is open to it."))
        .stage(Parts.open(QUALIFYING, "Qualifying", 0.12, Parts.TWO_WEEKS,
            "Usually at the first appointment: judging whether this prospect can realistically become a customer"
                + " before investing in a full pitch.",
            "Disqualify early rather than pitch to people who will not buy."))
        .stage(Parts.open(PRESENTING, "Presenting", 0.30, Parts.TWO_WEEKS,
            "A prepared, two-way pitch that frames the product as the fix for the prospect's issue without"
                + " drowning them in detail.",
            "Script your key points before each appointment; make it interactive."))
        .stage(Parts.open(OVERCOMING_OBJECTIONS, "Overcoming objections", 0.45, Parts.THREE_WEEKS,
            "Treating objections as a buying signal: acknowledging them and reframing the offer, with rehearsed"
                + " answers for the usual ones.",
            "Keep a playbook of answers to the objections you hear again and again."))
        .stage(Parts.open(CLOSING, "Closing", 0.70, Parts.TWO_WEEKS,
            "Getting the signature: simple when the earlier stages went well, otherwise the last chance to"
                + " persuade.",
            "Match your closing style to the prospect."))
        .stage(Parts.postSale(GENERATING_REFERRALS, "Generating referrals", Parts.MONTH,
            "Right after the win, asking the new client for contacts who might need the solution; referred leads"
                + " move faster and convert better.",
            "Ask every new client for introductions and record each referral."))
        .stage(Parts.won("The referrals deal is signed and the new client has been asked for introductions."))
        .stage(Parts.lost("Outreach or selling in the referrals process ended without a signature; the"
            + " closed-lost event says why."))
        .stage(Parts.disqualified("Early questions or the first appointment showed this prospect has no"
            + " realistic chance of converting."))
        .initialStage(PROSPECTING)
        // prospecting
        .transition(PROSPECTING, CatalogEvents.PROSPECT_IDENTIFIED, MAKING_CONTACT)
        // making contact: two channels, early qualifying questions allowed
        .internal(MAKING_CONTACT, EventType.CONTACT_MADE)
        .internal(MAKING_CONTACT, EventType.QUALIFICATION_ASSESSED)
        .transition(MAKING_CONTACT, EventType.DISQUALIFIED, DISQUALIFIED)
        .transition(MAKING_CONTACT, CatalogEvents.APPOINTMENT_SET, QUALIFYING,
            SalesGuards.contactChannelsAtLeast(CONTACT_CHANNELS))
        // qualifying
        .transition(QUALIFYING, EventType.QUALIFICATION_ASSESSED, PRESENTING,
            SalesGuards.bantAtLeast(BANT_DIMENSIONS))
        .transition(QUALIFYING, EventType.DISQUALIFIED, DISQUALIFIED)
        // presenting
        .transition(PRESENTING, EventType.PRESENTATION_DELIVERED, OVERCOMING_OBJECTIONS)
        .transition(PRESENTING, CatalogEvents.CLOSING_STARTED, CLOSING, SalesGuards.noOpenObjections())
        // overcoming objections
        .transition(OVERCOMING_OBJECTIONS, CatalogEvents.PRESENTATION_REQUESTED, PRESENTING)
        .transition(OVERCOMING_OBJECTIONS, CatalogEvents.CLOSING_STARTED, CLOSING, SalesGuards.noOpenObjections())
        // closing
        .transition(CLOSING, EventType.OBJECTION_RAISED, OVERCOMING_OBJECTIONS)
        .transition(CLOSING, EventType.CLOSED_WON, GENERATING_REFERRALS, SalesGuards.noOpenObjections())
        // generating referrals
        .internal(GENERATING_REFERRALS, EventType.REFERRAL_RECEIVED)
        .transition(GENERATING_REFERRALS, CatalogEvents.POST_SALE_COMPLETED, CUSTOMER);
    Parts.objectionRows(b, PRESENTING, OVERCOMING_OBJECTIONS);
    Parts.contactRows(b, QUALIFYING, PRESENTING, OVERCOMING_OBJECTIONS, CLOSING);
    Parts.openRows(b, PROSPECTING, MAKING_CONTACT, QUALIFYING, PRESENTING, OVERCOMING_OBJECTIONS, CLOSING);
    Parts.postSaleRows(b, GENERATING_REFERRALS);
    return b.build();
  }
}
