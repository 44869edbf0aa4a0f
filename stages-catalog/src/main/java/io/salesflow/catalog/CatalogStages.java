package io.salesflow.catalog;

/**
 * The stage ids of the catalog processes. They are stable: deals, stores, reports and diagrams refer to them, so a
 * release never renames one.
 *
 * <p>Several processes share an id where they share the meaning ({@link #PROSPECTING}, {@link #CLOSING}); every
 * process ends in the three terminal stages {@link #CUSTOMER} (won), {@link #LOST} and {@link #DISQUALIFIED} (both
 * lost). Which process has which stage is listed on each {@link SalesCatalog} accessor.
 *
 * @since 0.1
 */
public final class CatalogStages {
  // ---------------------------------------------------------------- terminal stages of every process

  /** Won: the sale was made and the post-sale stages are done. */
  public static final String CUSTOMER = "customer";
  /** Lost: the pursuit ended without a sale; the closed-lost event says why. */
  public static final String LOST = "lost";
  /** Lost: the prospect was screened out as not a fit. */
  public static final String DISQUALIFIED = "disqualified";

  // ---------------------------------------------------------------- shared by several processes

  /** The first stage of every process but the funnel. */
  public static final String PROSPECTING = "prospecting";
  /** five-step, eight-step. */
  public static final String QUALIFICATION = "qualification";
  /** seven-step-referrals, seven-step-fulfilment. */
  public static final String QUALIFYING = "qualifying";
  /** five-step, seven-step-textbook. */
  public static final String PRESENTATION = "presentation";
  /** five-step, seven-step-textbook. */
  public static final String HANDLING_OBJECTIONS = "handling-objections";
  /** five-step, seven-step-textbook, seven-step-referrals, eight-step. */
  public static final String CLOSING = "closing";
  /** seven-step-textbook and eight-step (post-sale). */
  public static final String FOLLOW_UP = "follow-up";
  /** seven-step-textbook and seven-phase-funnel: a side stage for prospects who are not ready yet. */
  public static final String NURTURE = "nurture";

  // ---------------------------------------------------------------- five-step

  /** five-step: the post-sale relationship. */
  public static final String POST_SALE = "post-sale";

  // ---------------------------------------------------------------- seven-step-textbook

  /** seven-step-textbook. */
  public static final String PREPARATION = "preparation";
  /** seven-step-textbook. */
  public static final String APPROACH = "approach";

  // ---------------------------------------------------------------- seven-step-referrals

  /** seven-step-referrals. */
  public static final String MAKING_CONTACT = "making-contact";
  /** seven-step-referrals. */
  public static final String PRESENTING = "presenting";
  /** seven-step-referrals. */
  public static final String OVERCOMING_OBJECTIONS = "overcoming-objections";
  /** seven-step-referrals (post-sale). */
  public static final String GENERATING_REFERRALS = "generating-referrals";

  // ---------------------------------------------------------------- seven-step-fulfilment

  /** seven-step-fulfilment. */
  public static final String PRESENTING_SOLUTION = "presenting-solution";
  /** seven-step-fulfilment: the stage the deal is won in. */
  public static final String CONTRACT_NEGOTIATION = "contract-negotiation";
  /** seven-step-fulfilment (post-sale). */
  public static final String INSTALLATION = "installation";
  /** seven-step-fulfilment (post-sale). */
  public static final String SALES_AND_MAINTENANCE = "sales-and-maintenance";
  /** seven-step-fulfilment (post-sale). */
  public static final String POST_SALES_FULFILMENT = "post-sales-fulfilment";

  // ---------------------------------------------------------------- eight-step

  /** eight-step. */
  public static final String APPROACHING = "approaching";
  /** eight-step. */
  public static final String PITCH = "pitch";
  /** eight-step. */
  public static final String OBJECTION_HANDLING = "objection-handling";
  /** eight-step (post-sale). */
  public static final String ONBOARDING = "onboarding";

  // ---------------------------------------------------------------- seven-phase-funnel

  /** seven-phase-funnel: the first stage. */
  public static final String TRAFFIC_TEMPERATURE = "traffic-temperature";
  /** seven-phase-funnel. */
  public static final String PRE_FRAME_BRIDGE = "pre-frame-bridge";
  /** seven-phase-funnel. */
  public static final String QUALIFY_LEADS = "qualify-leads";
  /** seven-phase-funnel. */
  public static final String QUALIFY_BUYERS = "qualify-buyers";
  /** seven-phase-funnel: the stage the purchase happens in. */
  public static final String IDENTIFY_HYPERACTIVE_BUYERS = "identify-hyperactive-buyers";
  /** seven-phase-funnel (post-sale). */
  public static final String AGE_AND_ASCEND = "age-and-ascend";
  /** seven-phase-funnel (post-sale). */
  public static final String CHANGE_SELLING_ENVIRONMENT = "change-selling-environment";

  private CatalogStages() {}
}
