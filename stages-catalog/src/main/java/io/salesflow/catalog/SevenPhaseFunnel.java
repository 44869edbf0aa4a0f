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
import static io.salesflow.catalog.CatalogStages.TRAFFIC_TEMPERATURE;

import io.salesflow.EventType;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionGuard;
import io.salesflow.guard.SalesGuards;

/**
 * seven-phase-funnel, from the sales-funnel section of “The 7 Step Of Sales Process”; see
 * {@link SalesCatalog#sevenPhaseFunnel()}.
 */
final class SevenPhaseFunnel {
  /** The funnel qualifies buyers on need and fit; two BANT dimensions is the catalog's default. */
  static final int BANT_DIMENSIONS = 2;

  private SevenPhaseFunnel() {}

  static SalesProcess build() {
    TransitionGuard warmOrHot = TransitionGuard.of("lead warm or hot",
        ctx -> ctx.facts().leadTemperature().filter(t -> t != LeadTemperature.COLD).isPresent(),
        "lead temperature: a cold lead is not a serious buyer yet; it stays in qualify-leads until it warms up");
    TransitionGuard laterBuyer = TransitionGuard.of("buyer segment is later",
        ctx -> ctx.facts().field(CatalogEvents.BUYER_SEGMENT).filter(CatalogEvents.SEGMENT_LATER::equals)
            .isPresent(),
        "buyer segment: not recognised as a later buyer");
    SalesProcess.Builder b = SalesProcess.builder(SalesCatalog.SEVEN_PHASE_FUNNEL)
        .name("Seven-phase sales funnel")
        .description("A marketing funnel in seven phases: score the traffic's temperature, bridge it to the offer,"
            + " qualify leads and then buyers, make the purchase at the buyer's own pace, and grow the customer"
            + " afterwards. Source: the sales-funnel section of “The 7 Step Of Sales Process”, after Russell"
            + " Brunson's Dotcom Secrets.")
        .stage(Parts.open(TRAFFIC_TEMPERATURE, "Traffic temperature", 0.02, Parts.WEEK,
            "Gauging how familiar a new lead already is with you, cold, warm or hot, from signals such as time on"
                + " site or responses to ads.",
            "Score every lead; choose the messaging by temperature."))
        .stage(Parts.open(PRE_FRAME_BRIDGE, "Pre-frame bridge", 0.04, Parts.WEEK,
            "Bridge content that links the first touch, an ad say, to your offer and spells out the problem it"
                + " solves and what the buyer gains.",
            "Always state the problem and the payoff."))
        .stage(Parts.open(QUALIFY_LEADS, "Qualify leads", 0.08, Parts.TWO_WEEKS,
            "Checking, often with marketing automation and signals like downloads or form fills, whether the lead"
                + " is a serious buyer.",
            "Score again as engagement grows; disqualify leads that only browse."))
        .stage(Parts.open(QUALIFY_BUYERS, "Qualify buyers", 0.20, Parts.TWO_WEEKS,
            "Understanding the buyer's needs, whether they meet your criteria, and which version of the offer fits"
                + " them.",
            "Confirm need and fit before pushing for the purchase."))
        .stage(Parts.open(IDENTIFY_HYPERACTIVE_BUYERS, "Identify hyperactive buyers", 0.40, Parts.MONTH,
            "Sorting buyers into quick deciders, information seekers and later buyers, and pacing the sale to"
                + " match; the purchase happens here.",
            "Record the segment; feed information seekers; park later buyers in nurture."))
        .stage(Parts.open(NURTURE, "Nurture", 0.05, Parts.QUARTER,
            "Holding buyers who will buy eventually, but not now, on a slow cadence of touches until they come"
                + " back.",
            "Keep in touch at the rhythm they prefer."))
        .stage(Parts.postSale(AGE_AND_ASCEND, "Age and ascend", Parts.QUARTER,
            "After the first purchase, learning whether the customer wants a richer or customised offer and how"
                + " often they like to hear from you, then moving them up the offer ladder.",
            "Offer the next tier at the right moment; respect their contact preferences."))
        .stage(Parts.postSale(CHANGE_SELLING_ENVIRONMENT, "Change the selling environment", Parts.QUARTER,
            "The long-term phase in which the customer stays or leaves: gauging loyalty and turning loyal"
                + " customers into advocates who recommend you.",
            "Measure loyalty; ask satisfied customers to recommend you."))
        .stage(Parts.won("The funnel buyer purchased and went through the ascension and long-term phases."))
        .stage(Parts.lost("The lead dropped out of the funnel before buying; the closed-lost event names the"
            + " reason."))
        .stage(Parts.disqualified("Lead or buyer qualification showed this is not a serious buyer or not a fit for"
            + " the offer."))
        .initialStage(TRAFFIC_TEMPERATURE)
        // traffic temperature: the score is the fact that moves the lead on
        .transition(TRAFFIC_TEMPERATURE, EventType.LEAD_SCORED, PRE_FRAME_BRIDGE)
        // pre-frame bridge
        .transition(PRE_FRAME_BRIDGE, CatalogEvents.OPTED_IN, QUALIFY_LEADS)
        // qualify leads: a warm or hot score moves on, a cold one is recorded and the lead stays
        .transition(QUALIFY_LEADS, EventType.LEAD_SCORED, QUALIFY_BUYERS, warmOrHot)
        .internal(QUALIFY_LEADS, EventType.LEAD_SCORED)
        .transition(QUALIFY_LEADS, EventType.DISQUALIFIED, DISQUALIFIED)
        // qualify buyers
        .transition(QUALIFY_BUYERS, EventType.QUALIFICATION_ASSESSED, IDENTIFY_HYPERACTIVE_BUYERS,
            SalesGuards.bantAtLeast(BANT_DIMENSIONS))
        .transition(QUALIFY_BUYERS, EventType.DISQUALIFIED, DISQUALIFIED)
        // identify hyperactive buyers: the purchase
        .internal(IDENTIFY_HYPERACTIVE_BUYERS, CatalogEvents.BUYER_SEGMENTED)
        .internal(IDENTIFY_HYPERACTIVE_BUYERS, EventType.PRESENTATION_DELIVERED)
        .transition(IDENTIFY_HYPERACTIVE_BUYERS, EventType.CLOSED_WON, AGE_AND_ASCEND, SalesGuards.noOpenObjections())
        .transition(IDENTIFY_HYPERACTIVE_BUYERS, CatalogEvents.NURTURE_STARTED, NURTURE,
            laterBuyer.or(Parts.nurtureAfterSilence()))
        // nurture
        .transition(NURTURE, CatalogEvents.RE_ENGAGED, IDENTIFY_HYPERACTIVE_BUYERS)
        // after the purchase
        .internal(AGE_AND_ASCEND, CatalogEvents.OFFER_ASCENDED)
        .transition(AGE_AND_ASCEND, CatalogEvents.POST_SALE_COMPLETED, CHANGE_SELLING_ENVIRONMENT)
        .internal(CHANGE_SELLING_ENVIRONMENT, EventType.REFERRAL_RECEIVED)
        .transition(CHANGE_SELLING_ENVIRONMENT, CatalogEvents.POST_SALE_COMPLETED, CUSTOMER);
    Parts.objectionRows(b, IDENTIFY_HYPERACTIVE_BUYERS);
    Parts.contactRows(b, PRE_FRAME_BRIDGE, QUALIFY_LEADS, QUALIFY_BUYERS, IDENTIFY_HYPERACTIVE_BUYERS, NURTURE);
    Parts.openRows(b, TRAFFIC_TEMPERATURE, PRE_FRAME_BRIDGE, QUALIFY_LEADS, QUALIFY_BUYERS,
        IDENTIFY_HYPERACTIVE_BUYERS, NURTURE);
    Parts.postSaleRows(b, AGE_AND_ASCEND, CHANGE_SELLING_ENVIRONMENT);
    return b.build();
  }
}
