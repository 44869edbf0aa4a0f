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

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.guard.SalesGuards;

/** seven-step-textbook, from “7-step sales process” (Lucidchart); see {@link SalesCatalog#sevenStepTextbook()}. */
final class SevenStepTextbook {
  private SevenStepTextbook() {}

  static SalesProcess build() {
    SalesProcess.Builder b = SalesProcess.builder(SalesCatalog.SEVEN_STEP_TEXTBOOK)
        .name("Seven-step sales process (textbook)")
        .description("The classic seven steps from prospecting to after-sale follow-up, with qualification inside"
            + " prospecting, the approach methods and closing techniques recorded on events, and persistence built"
            + " in: repeated presentations, a nurture side stage and a follow-up threshold before giving up."
            + " Source: “7-step sales process” (Lucidchart).")
        .stage(Parts.open(PROSPECTING, "Prospecting", 0.05, Parts.TWO_WEEKS,
            "Finding likely buyers and checking that they need the offering and can pay for it; for a purchase"
                + " decided by a group, mapping who sits on the buying side.",
            "Qualify need and ability to pay here; build an account map and reach several decision-makers"
                + " (purchases involve 6.8 stakeholders on average)."))
        .stage(Parts.open(PREPARATION, "Preparation", 0.10, Parts.WEEK,
            "Researching the market and the prospect before the first contact, and shaping the presentation to"
                + " their situation.",
            "Finish the research and a tailored pitch before reaching out."))
        .stage(Parts.open(APPROACH, "Approach", 0.15, Parts.TWO_WEEKS,
            "The first real contact, in person or by phone, opened with a gift, a hook question, or a sample or"
                + " trial.",
            "Choose an approach method (premium, question or product) and record it on the contact; log"
                + " unanswered tries as follow-ups."))
        .stage(Parts.open(PRESENTATION, "Presentation", 0.25, Parts.TWO_WEEKS,
            "Showing how the offering meets this prospect's needs, listening and adapting instead of running a"
                + " fixed script.",
            "Demonstrate against the needs they stated; react to what you hear."))
        .stage(Parts.open(HANDLING_OBJECTIONS, "Handling objections", 0.40, Parts.THREE_WEEKS,
            "Hearing out the prospect's concerns and resolving them; the stage where too many sellers give up"
                + " early.",
            "Do not stop after one no: 80% of sales need at least five follow-ups. Present again as often as"
                + " needed."))
        .stage(Parts.open(CLOSING, "Closing", 0.65, Parts.TWO_WEEKS,
            "Getting the go-ahead, with a closing technique that suits the business.",
            "Pick the alternative-choice, extra-inducement or standing-room-only close and record it on the"
                + " win."))
        .stage(Parts.open(NURTURE, "Nurture", 0.05, Parts.QUARTER,
            "A side stage for prospects who went quiet: they stay on a regular contact calendar until they"
                + " respond and are approached again, or are closed out.",
            "Keep a touch calendar; approach again as soon as they respond."))
        .stage(Parts.postSale(FOLLOW_UP, "Follow-up", Parts.QUARTER,
            "Staying in touch with a won customer for repeat business and referrals; keeping a customer costs"
                + " far less than winning a new one.",
            "Schedule regular check-ins; ask for referrals and repeat orders."))
        .stage(Parts.won("The textbook deal closed and the after-sale follow-up is complete; the client is kept"
            + " for repeat business."))
        .stage(Parts.lost("The textbook pursuit stopped without a decision to buy; the reason is on the"
            + " closed-lost event."))
        .stage(Parts.disqualified("Prospecting found no real need or no means to pay, so preparation never"
            + " started."))
        .initialStage(PROSPECTING)
        // prospecting: qualification happens here
        .transition(PROSPECTING, EventType.QUALIFICATION_ASSESSED, PREPARATION, Parts.needAndBudgetConfirmed())
        .transition(PROSPECTING, EventType.DISQUALIFIED, DISQUALIFIED)
        // preparation
        .transition(PREPARATION, CatalogEvents.PREPARATION_COMPLETED, APPROACH)
        // approach: the contact records its approach method
        .transition(APPROACH, EventType.CONTACT_MADE, PRESENTATION)
        // presentation
        .transition(PRESENTATION, EventType.PRESENTATION_DELIVERED, HANDLING_OBJECTIONS)
        .transition(PRESENTATION, CatalogEvents.CLOSING_STARTED, CLOSING, SalesGuards.noOpenObjections())
        // handling objections
        .transition(HANDLING_OBJECTIONS, CatalogEvents.PRESENTATION_REQUESTED, PRESENTATION)
        .transition(HANDLING_OBJECTIONS, CatalogEvents.CLOSING_STARTED, CLOSING, SalesGuards.noOpenObjections())
        // closing: the win records its closing technique
        .transition(CLOSING, EventType.OBJECTION_RAISED, HANDLING_OBJECTIONS)
        .transition(CLOSING, EventType.CLOSED_WON, FOLLOW_UP, SalesGuards.noOpenObjections())
        // nurture: a repeated approach
        .transition(NURTURE, CatalogEvents.RE_ENGAGED, APPROACH)
        // follow-up
        .internal(FOLLOW_UP, EventType.REFERRAL_RECEIVED)
        .transition(FOLLOW_UP, CatalogEvents.POST_SALE_COMPLETED, CUSTOMER);
    for (String stage : new String[] {APPROACH, PRESENTATION, HANDLING_OBJECTIONS, CLOSING}) {
      b.transition(stage, CatalogEvents.NURTURE_STARTED, NURTURE, Parts.nurtureAfterSilence());
    }
    Parts.objectionRows(b, PRESENTATION, HANDLING_OBJECTIONS);
    Parts.contactRows(b, PROSPECTING, PRESENTATION, HANDLING_OBJECTIONS, CLOSING, NURTURE);
    Parts.openRows(b, PROSPECTING, PREPARATION, APPROACH, PRESENTATION, HANDLING_OBJECTIONS, CLOSING, NURTURE);
    Parts.postSaleRows(b, FOLLOW_UP);
    return b.build();
  }
}
