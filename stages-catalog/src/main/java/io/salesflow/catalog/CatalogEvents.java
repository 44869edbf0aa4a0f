package io.salesflow.catalog;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The custom event types the catalog processes use besides the built-in ones of {@link EventType}, with factories
 * for the events that carry attributes.
 *
 * <p>Fire them as {@link SalesEvent.Custom}: {@code engine.fire(id, new SalesEvent.Custom(CatalogEvents.CLOSING_STARTED,
 * now))}. The ids are stable. Which stage of which process takes which event is listed on each {@link SalesCatalog}
 * accessor.
 *
 * @since 0.1
 */
public final class CatalogEvents {
  /** The lead is sourced and its contact details are known; outreach can start (seven-step-referrals, eight-step). */
  public static final EventType PROSPECT_IDENTIFIED = EventType.custom("prospect-identified");
  /** Research is done and the tailored presentation is ready (seven-step-textbook). */
  public static final EventType PREPARATION_COMPLETED = EventType.custom("preparation-completed");
  /** The prospect agreed to a first appointment (seven-step-referrals). */
  public static final EventType APPOINTMENT_SET = EventType.custom("appointment-set");
  /** The rep moves on to ask for the decision. */
  public static final EventType CLOSING_STARTED = EventType.custom("closing-started");
  /** A concern needs the solution shown again: the deal goes back to the presentation stage. */
  public static final EventType PRESENTATION_REQUESTED = EventType.custom("presentation-requested");
  /**
   * A decision-maker agreed to the deal (eight-step); the attribute {@link #BUY_IN_BUYER} or {@link #BUY_IN_SELLER}
   * names who. Create it with {@link #buyInConfirmed(Instant, BuyInSide, String)}.
   */
  public static final EventType BUY_IN_CONFIRMED = EventType.custom("buy-in-confirmed");
  /** The prospect is not ready: park the deal on a slow contact cadence (seven-step-textbook, seven-phase-funnel). */
  public static final EventType NURTURE_STARTED = EventType.custom("nurture-started");
  /** A nurtured prospect responds or is ready again. */
  public static final EventType RE_ENGAGED = EventType.custom("re-engaged");
  /** The lead acted on the bridge content, by a download or a form, say (seven-phase-funnel). */
  public static final EventType OPTED_IN = EventType.custom("opted-in");
  /**
   * The buyer's buying pace was recognised (seven-phase-funnel); the attribute {@link #BUYER_SEGMENT} holds it.
   * Create it with {@link #buyerSegmented(Instant, String)}.
   */
  public static final EventType BUYER_SEGMENTED = EventType.custom("buyer-segmented");
  /** A richer or customised offer was presented to a customer (seven-phase-funnel). */
  public static final EventType OFFER_ASCENDED = EventType.custom("offer-ascended");
  /** An update or support visit after installation (seven-step-fulfilment). */
  public static final EventType MAINTENANCE_DELIVERED = EventType.custom("maintenance-delivered");
  /** Maintenance is established and the account moves on to ongoing support (seven-step-fulfilment). */
  public static final EventType SUPPORT_HANDOVER = EventType.custom("support-handover");
  /** A customer asked a product, technical or billing question (seven-step-fulfilment). */
  public static final EventType SUPPORT_CASE_LOGGED = EventType.custom("support-case-logged");
  /** The work of the current post-sale stage is finished; the last one leads to the won stage. */
  public static final EventType POST_SALE_COMPLETED = EventType.custom("post-sale-completed");

  /** Attribute naming the decision-maker on the buyer's side who agreed ({@link #BUY_IN_CONFIRMED}). */
  public static final String BUY_IN_BUYER = "buy-in-buyer";
  /** Attribute naming the decision-maker on the seller's side who agreed ({@link #BUY_IN_CONFIRMED}). */
  public static final String BUY_IN_SELLER = "buy-in-seller";
  /** Attribute holding the buyer's pace ({@link #BUYER_SEGMENTED}): {@link #SEGMENT_FAST} and so on. */
  public static final String BUYER_SEGMENT = "buyer-segment";
  /** Buyer segment: decides quickly. */
  public static final String SEGMENT_FAST = "fast";
  /** Buyer segment: needs a lot of information before deciding. */
  public static final String SEGMENT_NEEDS_INFORMATION = "needs-information";
  /** Buyer segment: will buy eventually, but not now; may go to nurture at once. */
  public static final String SEGMENT_LATER = "later";

  /** Whose decision-maker agreed to a deal. */
  public enum BuyInSide {
    /** The customer's side. */
    BUYER,
    /** The selling company's side. */
    SELLER
  }

  private CatalogEvents() {}

  /**
   * Returns a {@link #BUY_IN_CONFIRMED} event.
   *
   * @param at when the decision-maker agreed
   * @param side whose decision-maker it was, which picks the attribute: {@link #BUY_IN_BUYER} or
   *     {@link #BUY_IN_SELLER}
   * @param person who agreed, as the rep wants to see it later; not blank
   * @return the event, with the one attribute
   * @throws IllegalArgumentException if {@code person} is blank
   */
  public static SalesEvent.Custom buyInConfirmed(Instant at, BuyInSide side, String person) {
    Objects.requireNonNull(side, "side must not be null");
    requireText(person, "person");
    return new SalesEvent.Custom(BUY_IN_CONFIRMED, at,
        Map.of(side == BuyInSide.BUYER ? BUY_IN_BUYER : BUY_IN_SELLER, person));
  }

  /**
   * Returns a {@link #BUYER_SEGMENTED} event.
   *
   * @param at when the buyer's pace was recognised
   * @param segment {@link #SEGMENT_FAST}, {@link #SEGMENT_NEEDS_INFORMATION} or {@link #SEGMENT_LATER}
   * @return the event, with the segment in {@link #BUYER_SEGMENT}
   * @throws IllegalArgumentException for any other segment
   */
  public static SalesEvent.Custom buyerSegmented(Instant at, String segment) {
    if (!SEGMENT_FAST.equals(segment) && !SEGMENT_NEEDS_INFORMATION.equals(segment)
        && !SEGMENT_LATER.equals(segment)) {
      throw new IllegalArgumentException("buyer segment must be one of fast, needs-information or later, but was '"
          + segment + "'");
    }
    return new SalesEvent.Custom(BUYER_SEGMENTED, at, Map.of(BUYER_SEGMENT, segment));
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, () -> what + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, but was '" + value + "'");
    }
  }
}
