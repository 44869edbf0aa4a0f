package io.salesflow.catalog;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.TransitionGuard;
import io.salesflow.UnknownProcessException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The documented sales processes, ready to run: one accessor per process, {@link #byId(String)} and {@link #all()}.
 *
 * <pre>{@code
 * DealEngine engine = DealEngine.tableEngine().process(SalesCatalog.eightStep()).build();
 * engine.start("D-42", SalesCatalog.EIGHT_STEP);
 * }</pre>
 *
 * <p>Every process is a validated, immutable {@link SalesProcess} built with the public builder only; the same
 * instance is returned on every call. To adapt one, call {@link SalesProcess#toBuilder()}, change it (rename a stage
 * with {@code replaceStage}, redefine a guarded move with {@code removeTransitions} and {@code transition}, add a
 * stage) and build it again, which validates it again.
 *
 * <p>Each process follows a published article on the sales process, as we read it; where an article names no
 * publisher, only its title is given here:
 * <ul>
 *   <li>“What Are the 5 Steps of the Sales Process?”: {@link #fiveStep() five-step};</li>
 *   <li>“7-step sales process” (Lucidchart): {@link #sevenStepTextbook() seven-step-textbook};</li>
 *   <li>“The 7 Stages of the Sales Process”: {@link #sevenStepReferrals() seven-step-referrals};</li>
 *   <li>“The 7 Step Of Sales Process”: {@link #sevenStepFulfilment() seven-step-fulfilment} from its seven steps,
 *       and {@link #sevenPhaseFunnel() seven-phase-funnel} from its seven phases of a sales funnel, which it takes
 *       from Russell Brunson's <i>Dotcom Secrets</i>;</li>
 *   <li>“8 Key Stages that the Best Sales Process Covers” (SmartWinnr): {@link #eightStep() eight-step}.</li>
 * </ul>
 *
 * <p>What all six have in common:
 * <ul>
 *   <li>Three terminal stages: {@link CatalogStages#CUSTOMER customer} (won), {@link CatalogStages#LOST lost} and
 *       {@link CatalogStages#DISQUALIFIED disqualified}. A {@code closed-won} leads into the first post-sale stage;
 *       {@link CatalogEvents#POST_SALE_COMPLETED post-sale-completed} moves through the post-sale stages to
 *       {@code customer}.</li>
 *   <li>From every open stage: {@code closed-lost} to {@code lost}, allowed for reason {@code no-response} only after
 *       {@value io.salesflow.guard.SalesGuards#DEFAULT_FOLLOW_UPS_BEFORE_NO_RESPONSE_LOSS} follow-ups (the
 *       Lucidchart article reports that 80% of sales need at least five follow-ups); and {@code follow-up-logged} as an
 *       internal transition, as it is in every post-sale stage.</li>
 *   <li>Win probabilities that rise along the open stages of the main path (a nurture side stage sits low), 1.0 in
 *       post-sale stages; stall thresholds of 7 days (no buyer contact), 14 days (contact, qualification,
 *       presentation, closing), 21 days (objections), 30 days (contract, installation, onboarding, referrals) and 90
 *       days (ongoing relationships, nurture); and guidance for the rep on every non-terminal stage.</li>
 *   <li>Entering a closing step and winning require no open objections.</li>
 *   <li>Every open stage records {@code forecast-updated} (expected close, amount, the rep's forecast category) and
 *       {@code stakeholder-engaged}; every post-sale stage records {@code expansion-started}. Open stages forecast
 *       as {@link io.salesflow.Stage.ForecastCategory#COMMIT commit} from a 60% win probability and
 *       {@link io.salesflow.Stage.ForecastCategory#BEST_CASE best case} from 40%, else pipeline.</li>
 * </ul>
 *
 * <p>Options, each a call that returns a changed, validated copy: {@link #withQualification(SalesProcess,
 * TransitionGuard)} (MEDDIC, MEDDPICC, CHAMP or another BANT policy) and
 * {@link #withStakeholderCoverage(SalesProcess, int)}. An existing customer's upsell, cross-sell, renewal or repeat
 * order starts at {@link #expansionEntryStage(SalesProcess, SalesEvent.LeadSource)}: see {@link Expansions}.
 *
 * <p>A referred lead starts past the first steps of its process: see {@link #referralEntryStage(SalesProcess)} and
 * {@link Referrals}.
 *
 * @since 0.1
 */
public final class SalesCatalog {
  /** The id of {@link #fiveStep()}. */
  public static final String FIVE_STEP = "five-step";
  /** The id of {@link #sevenStepTextbook()}. */
  public static final String SEVEN_STEP_TEXTBOOK = "seven-step-textbook";
  /** The id of {@link #sevenStepReferrals()}. */
  public static final String SEVEN_STEP_REFERRALS = "seven-step-referrals";
  /** The id of {@link #sevenStepFulfilment()}. */
  public static final String SEVEN_STEP_FULFILMENT = "seven-step-fulfilment";
  /** The id of {@link #eightStep()}. */
  public static final String EIGHT_STEP = "eight-step";
  /** The id of {@link #sevenPhaseFunnel()}. */
  public static final String SEVEN_PHASE_FUNNEL = "seven-phase-funnel";

  private static final Map<String, SalesProcess> PROCESSES;
  private static final Map<String, String> REFERRAL_ENTRY_STAGES = Map.of(
      FIVE_STEP, CatalogStages.PROSPECTING,
      SEVEN_STEP_TEXTBOOK, CatalogStages.PROSPECTING,
      SEVEN_STEP_REFERRALS, CatalogStages.QUALIFYING,
      SEVEN_STEP_FULFILMENT, CatalogStages.QUALIFYING,
      EIGHT_STEP, CatalogStages.APPROACHING,
      SEVEN_PHASE_FUNNEL, CatalogStages.QUALIFY_LEADS);

  /** Where an upsell, cross-sell or repeat order starts: the customer is known and qualified, so at the pitch. */
  private static final Map<String, String> EXPANSION_ENTRY_STAGES = Map.of(
      FIVE_STEP, CatalogStages.PRESENTATION,
      SEVEN_STEP_TEXTBOOK, CatalogStages.PRESENTATION,
      SEVEN_STEP_REFERRALS, CatalogStages.PRESENTING,
      SEVEN_STEP_FULFILMENT, CatalogStages.PRESENTING_SOLUTION,
      EIGHT_STEP, CatalogStages.PITCH,
      SEVEN_PHASE_FUNNEL, CatalogStages.IDENTIFY_HYPERACTIVE_BUYERS);
  /** Where a renewal starts: what is left to agree are the terms, so at the negotiation or close. */
  private static final Map<String, String> RENEWAL_ENTRY_STAGES = Map.of(
      FIVE_STEP, CatalogStages.HANDLING_OBJECTIONS,
      SEVEN_STEP_TEXTBOOK, CatalogStages.CLOSING,
      SEVEN_STEP_REFERRALS, CatalogStages.CLOSING,
      SEVEN_STEP_FULFILMENT, CatalogStages.CONTRACT_NEGOTIATION,
      EIGHT_STEP, CatalogStages.CLOSING,
      SEVEN_PHASE_FUNNEL, CatalogStages.IDENTIFY_HYPERACTIVE_BUYERS);
  /** The stage each process signs in, which stakeholder coverage guards the way into. */
  private static final Map<String, String> CLOSING_STAGES = Map.of(
      FIVE_STEP, CatalogStages.CLOSING,
      SEVEN_STEP_TEXTBOOK, CatalogStages.CLOSING,
      SEVEN_STEP_REFERRALS, CatalogStages.CLOSING,
      SEVEN_STEP_FULFILMENT, CatalogStages.CONTRACT_NEGOTIATION,
      EIGHT_STEP, CatalogStages.CLOSING,
      SEVEN_PHASE_FUNNEL, CatalogStages.IDENTIFY_HYPERACTIVE_BUYERS);

  static {
    Map<String, SalesProcess> processes = new LinkedHashMap<>();
    for (SalesProcess process : List.of(FiveStep.build(), SevenStepTextbook.build(), SevenStepReferrals.build(),
        SevenStepFulfilment.build(), EightStep.build(), SevenPhaseFunnel.build())) {
      processes.put(process.id(), process);
    }
    PROCESSES = Collections.unmodifiableMap(processes);
  }

  private SalesCatalog() {}

  /**
   * The five-step process ({@value #FIVE_STEP}) of “What Are the 5 Steps of the Sales Process?”: a short,
   * repeatable cycle whose objection stage also settles the commercial terms.
   *
   * <p>Stages: {@code prospecting} (initial), {@code qualification}, {@code presentation},
   * {@code handling-objections} (with negotiation), {@code closing}, then post-sale {@code post-sale}; terminal
   * {@code customer}, {@code lost}, {@code disqualified}.
   *
   * <p>Events: {@code lead-scored} records a cold or warm lead in prospecting; {@code contact-made} moves it to
   * qualification; {@code qualification-assessed} to presentation; {@code presentation-delivered} to handling
   * objections; {@code terms-negotiated} to closing; {@code contract-signed} is recorded in closing;
   * {@code closed-won} to post-sale, where {@code onboarding-done} and {@code referral-received} are recorded.
   *
   * <p>Guards: all four BANT dimensions confirmed to leave qualification ({@code disqualified} leaves it for
   * {@code disqualified}); no open objections to enter closing and to win; a signed contract to win; the
   * follow-up threshold on {@code closed-lost}.
   *
   * <p>Loops: {@link CatalogEvents#PRESENTATION_REQUESTED presentation-requested} takes handling objections back to
   * presentation; an {@code objection-raised} in closing goes back to handling objections; objections, contacts and
   * follow-ups are recorded in place.
   *
   * <p>Referrals: a referred lead starts in {@code prospecting} as a warm lead, because the article says referrals
   * feed prospecting; it is qualified like any other.
   *
   * @return the process, validated; the same instance on every call
   */
  public static SalesProcess fiveStep() {
    return PROCESSES.get(FIVE_STEP);
  }

  /**
   * The textbook seven-step process ({@value #SEVEN_STEP_TEXTBOOK}) of “7-step sales process” (Lucidchart), with
   * its approach methods and closing techniques and the persistence that the article says the seven steps leave
   * out.
   *
   * <p>Stages: {@code prospecting} (initial; qualifying happens here), {@code preparation}, {@code approach},
   * {@code presentation}, {@code handling-objections}, {@code closing}, the side stage {@code nurture}, then
   * post-sale {@code follow-up}; terminal {@code customer}, {@code lost}, {@code disqualified}.
   *
   * <p>Events: {@code qualification-assessed} moves prospecting to preparation (or {@code disqualified} ends it);
   * {@link CatalogEvents#PREPARATION_COMPLETED preparation-completed} to approach; {@code contact-made}, carrying the
   * {@link io.salesflow.SalesEvent.ApproachMethod approach method} (premium, question or product), to presentation;
   * {@code presentation-delivered} to handling objections; {@link CatalogEvents#CLOSING_STARTED closing-started}
   * from presentation or handling objections to closing; {@code closed-won}, carrying the
   * {@link io.salesflow.SalesEvent.ClosingTechnique closing technique} (alternative choice, extra inducement, standing room
   * only), to follow-up, where {@code referral-received} is recorded.
   *
   * <p>Guards: need and budget confirmed to leave prospecting (the article qualifies on need and ability to pay);
   * no open objections to enter closing and to win; three unanswered follow-ups in a row to move to nurture; the
   * follow-up threshold on {@code closed-lost}.
   *
   * <p>Loops ("Being persistent"): {@code presentation-requested} takes handling objections back to presentation;
   * {@code objection-raised} takes closing back to handling objections; {@link CatalogEvents#NURTURE_STARTED
   * nurture-started} parks a silent prospect from approach, presentation, handling objections or closing, and
   * {@link CatalogEvents#RE_ENGAGED re-engaged} brings it back to approach for a repeated approach; contacts with
   * more stakeholders and follow-ups are recorded in place.
   *
   * <p>Referrals: a referred lead starts in {@code prospecting}, because qualifying lives there.
   *
   * @return the process, validated; the same instance on every call
   */
  public static SalesProcess sevenStepTextbook() {
    return PROCESSES.get(SEVEN_STEP_TEXTBOOK);
  }

  /**
   * The seven-step process with referrals ({@value #SEVEN_STEP_REFERRALS}) of “The 7 Stages of the Sales Process”,
   * which qualifies after a first contact on two channels and ends by asking the new client for referrals.
   *
   * <p>Stages: {@code prospecting} (initial), {@code making-contact}, {@code qualifying}, {@code presenting},
   * {@code overcoming-objections}, {@code closing}, then post-sale {@code generating-referrals}; terminal
   * {@code customer}, {@code lost}, {@code disqualified}.
   *
   * <p>Events: {@link CatalogEvents#PROSPECT_IDENTIFIED prospect-identified} moves prospecting to making contact,
   * where {@code contact-made} and early {@code qualification-assessed} are recorded and
   * {@link CatalogEvents#APPOINTMENT_SET appointment-set} moves on to qualifying; {@code qualification-assessed} to
   * presenting; {@code presentation-delivered} to overcoming objections; {@code closing-started} to closing;
   * {@code closed-won} to generating referrals, where each {@code referral-received} records its source.
   *
   * <p>Guards: contact through at least two different channels to leave making contact; three of four BANT
   * dimensions confirmed to leave qualifying ({@code disqualified} from making contact or qualifying); no open
   * objections to enter closing and to win; the follow-up threshold on {@code closed-lost}.
   *
   * <p>Loops: {@code presentation-requested} takes overcoming objections back to presenting; {@code objection-raised}
   * takes closing back to overcoming objections; contacts and follow-ups are recorded in place.
   *
   * <p>Referrals: a referred lead starts in {@code qualifying}, skipping prospecting and the two-channel outreach
   * that the referrer's introduction replaces.
   *
   * @return the process, validated; the same instance on every call
   */
  public static SalesProcess sevenStepReferrals() {
    return PROCESSES.get(SEVEN_STEP_REFERRALS);
  }

  /**
   * The seven-step process with fulfilment ({@value #SEVEN_STEP_FULFILMENT}) of the seven steps in “The 7 Step Of Sales
   * Process”: it has no closing stage, the deal is won when the negotiated contract is signed, and
   * it continues through installation and maintenance.
   *
   * <p>Stages: {@code prospecting} (initial), {@code qualifying}, {@code presenting-solution},
   * {@code contract-negotiation}, then post-sale {@code installation}, {@code sales-and-maintenance},
   * {@code post-sales-fulfilment}; terminal {@code customer}, {@code lost}, {@code disqualified}.
   *
   * <p>Events: {@code contact-made} moves prospecting to qualifying; {@code qualification-assessed} to presenting the
   * solution, where presentations are recorded; {@code proposal-sent} with its price to contract negotiation, where
   * terms, revised proposals and {@code contract-signed} are recorded; {@code closed-won} to installation;
   * {@code onboarding-done} to sales and maintenance, where {@link CatalogEvents#MAINTENANCE_DELIVERED
   * maintenance-delivered} is recorded; {@link CatalogEvents#SUPPORT_HANDOVER support-handover} to post-sales
   * fulfilment, where {@link CatalogEvents#SUPPORT_CASE_LOGGED support-case-logged} is recorded.
   *
   * <p>Guards: a confirmed, non-zero budget and two BANT dimensions to leave qualifying ({@code disqualified} from
   * prospecting or qualifying, for prospects without resources); a priced proposal and no open objections to enter
   * contract negotiation; no open objections to win; the signed contract to enter installation (a required field of
   * that stage); the follow-up threshold on {@code closed-lost}.
   *
   * <p>Loops: {@code presentation-requested} takes contract negotiation back to presenting the solution; objections,
   * contacts and follow-ups are recorded in place.
   *
   * <p>Referrals: the article does not mention them, so no stage records {@code referral-received}; a lead referred
   * from elsewhere starts in {@code qualifying}.
   *
   * @return the process, validated; the same instance on every call
   */
  public static SalesProcess sevenStepFulfilment() {
    return PROCESSES.get(SEVEN_STEP_FULFILMENT);
  }

  /**
   * The eight-step process ({@value #EIGHT_STEP}) of “8 Key Stages that the Best Sales Process Covers”
   * (SmartWinnr), which qualifies after approaching the prospect and signs only once a proposal is out and both
   * sides have bought in.
   *
   * <p>Stages: {@code prospecting} (initial), {@code approaching}, {@code qualification}, {@code pitch},
   * {@code objection-handling}, {@code closing}, then post-sale {@code onboarding}, {@code follow-up}; terminal
   * {@code customer}, {@code lost}, {@code disqualified}.
   *
   * <p>Events: {@code prospect-identified} moves prospecting to approaching; {@code contact-made} to qualification;
   * {@code qualification-assessed} to pitch; {@code presentation-delivered} to objection handling;
   * {@code closing-started} to closing, where {@code proposal-sent}, {@code terms-negotiated} and
   * {@link CatalogEvents#BUY_IN_CONFIRMED buy-in-confirmed} are recorded; {@code closed-won} to onboarding;
   * {@code onboarding-done} to follow-up, where {@code referral-received} is recorded.
   *
   * <p>Guards: all four BANT dimensions to leave qualification ({@code disqualified} from prospecting or
   * qualification: the article expects at least 50% of prospects not to fit); no open objections to enter closing;
   * to win, no open objections, a proposal sent and buy-in from a decision-maker on the buyer's and on the seller's
   * side; the follow-up threshold on {@code closed-lost}.
   *
   * <p>Loops: {@code presentation-requested} takes objection handling back to pitch; {@code objection-raised} takes
   * closing back to objection handling; objections, contacts and follow-ups are recorded in place.
   *
   * <p>Referrals: a referred lead starts in {@code approaching}: the referral replaces sourcing, but the rep still
   * connects with and qualifies the referred person.
   *
   * @return the process, validated; the same instance on every call
   */
  public static SalesProcess eightStep() {
    return PROCESSES.get(EIGHT_STEP);
  }

  /**
   * The seven-phase funnel ({@value #SEVEN_PHASE_FUNNEL}) of the sales-funnel section of “The 7 Step Of
   * Sales Process”, which follows Russell Brunson's <i>Dotcom Secrets</i>: a marketing funnel whose leads are sorted
   * by traffic temperature.
   *
   * <p>Stages: {@code traffic-temperature} (initial), {@code pre-frame-bridge}, {@code qualify-leads},
   * {@code qualify-buyers}, {@code identify-hyperactive-buyers} (the purchase), the side stage {@code nurture}, then
   * post-sale {@code age-and-ascend}, {@code change-selling-environment}; terminal {@code customer}, {@code lost},
   * {@code disqualified}.
   *
   * <p>Events: {@code lead-scored}, carrying the {@link io.salesflow.SalesEvent.LeadTemperature traffic temperature} (cold,
   * warm, hot), moves traffic temperature to the bridge; {@link CatalogEvents#OPTED_IN opted-in} to qualify leads;
   * {@code lead-scored} again to qualify buyers; {@code qualification-assessed} to identify hyperactive buyers, where
   * {@link CatalogEvents#BUYER_SEGMENTED buyer-segmented}, presentations and objections are recorded;
   * {@code closed-won} to age and ascend, where {@link CatalogEvents#OFFER_ASCENDED offer-ascended} is recorded;
   * {@code post-sale-completed} to change the selling environment (where {@code referral-received} is recorded)
   * and then to {@code customer}.
   *
   * <p>Guards: a warm or hot score to leave qualify leads (a cold score is recorded and the lead stays);
   * two BANT dimensions to leave qualify buyers ({@code disqualified} from qualify leads or qualify buyers); no open
   * objections to buy; to go to nurture, the buyer segmented as {@code later} or three unanswered follow-ups in a
   * row; the follow-up threshold on {@code closed-lost}.
   *
   * <p>Loops: {@code nurture-started} parks a later buyer and {@code re-engaged} brings it back to identify
   * hyperactive buyers; re-scores, contacts and follow-ups are recorded in place.
   *
   * <p>Referrals: a referred lead starts in {@code qualify-leads} as a warm lead: the recommendation does the
   * bridge's work, but lead and buyer qualification still apply.
   *
   * @return the process, validated; the same instance on every call
   */
  public static SalesProcess sevenPhaseFunnel() {
    return PROCESSES.get(SEVEN_PHASE_FUNNEL);
  }

  /**
   * Returns the catalog process with the given id.
   *
   * @param id one of the ids in {@link #ids()}, for example {@value #EIGHT_STEP}
   * @return the process; the same instance its accessor returns
   * @throws UnknownProcessException if there is none; the message lists the known ids
   */
  public static SalesProcess byId(String id) {
    Objects.requireNonNull(id, "id must not be null");
    SalesProcess process = PROCESSES.get(id);
    if (process == null) {
      throw new UnknownProcessException(id, PROCESSES.keySet());
    }
    return process;
  }

  /** {@return every catalog process, in the order of the accessors above} */
  public static List<SalesProcess> all() {
    return List.copyOf(PROCESSES.values());
  }

  /** {@return the ids of the catalog processes, in the order of {@link #all()}; unmodifiable} */
  public static Set<String> ids() {
    return PROCESSES.keySet();
  }

  /**
   * Returns the stage a referred lead starts in, past the first steps its referral makes unnecessary; see each
   * accessor for the reasoning.
   *
   * @param process a catalog process, customised or not, or any other process
   * @return the id of the entry stage; for a process that is not from the catalog, or a customised catalog process that
   *     no longer has that stage as an open or post-sale stage, the process's initial stage
   */
  public static String referralEntryStage(SalesProcess process) {
    Objects.requireNonNull(process, "process must not be null");
    String entry = REFERRAL_ENTRY_STAGES.get(process.id());
    if (entry != null && process.findStage(entry).filter(s -> !s.isTerminal()).isPresent()) {
      return entry;
    }
    return process.initialStage().id();
  }

  /**
   * Returns the stage an expansion deal of a customer starts in: an upsell, cross-sell or repeat order at the pitch
   * (the customer is known and qualified), a renewal where the terms are agreed. See {@link Expansions}.
   *
   * @param process a catalog process, customised or not, or any other process
   * @param kind {@link SalesEvent.LeadSource#UPSELL upsell}, {@link SalesEvent.LeadSource#CROSS_SELL cross-sell},
   *     {@link SalesEvent.LeadSource#RENEWAL renewal} or {@link SalesEvent.LeadSource#REPEAT repeat}
   * @return the id of the entry stage; the initial stage for a process that is not from the catalog, or a customised
   *     one that no longer has that stage as an open stage
   * @throws IllegalArgumentException if {@code kind} is not an expansion
   */
  public static String expansionEntryStage(SalesProcess process, SalesEvent.LeadSource kind) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    if (!kind.isExpansion()) {
      throw new IllegalArgumentException("kind must be upsell, cross-sell, renewal or repeat, but was '"
          + kind.label() + "'");
    }
    String entry = (kind == SalesEvent.LeadSource.RENEWAL ? RENEWAL_ENTRY_STAGES : EXPANSION_ENTRY_STAGES)
        .get(process.id());
    if (entry != null && process.findStage(entry).filter(s -> s.kind() == StageKind.OPEN).isPresent()) {
      return entry;
    }
    return process.initialStage().id();
  }

  /**
   * Returns {@code process} qualifying on a scorecard policy (MEDDIC, MEDDPICC, CHAMP or your own): every move out of
   * qualification (on {@code qualification-assessed} into a stage that is not lost) moves on
   * {@link EventType#QUALIFICATION_SCORED qualification-scored} instead, guarded by {@code policy}, and
   * {@code qualification-assessed} is still recorded in that stage. Everything else stays as it was; the result is
   * validated again. The same as {@code withQualification(process, EventType.QUALIFICATION_SCORED, policy)}.
   *
   * <pre>{@code
   * SalesProcess meddpicc = SalesCatalog.withQualification(SalesCatalog.eightStep(),
   *     SalesGuards.scorecardAllConfirmed(Scorecard.Framework.MEDDPICC));
   * }</pre>
   *
   * @param process a catalog process, customised or not, or any process that qualifies on
   *     {@code qualification-assessed} or {@code qualification-scored}
   * @param policy the guard a deal must pass to leave qualification, for example
   *     {@link io.salesflow.guard.SalesGuards#scorecardAllConfirmed}
   * @return the process with the same id, qualifying on {@code policy}
   * @throws IllegalArgumentException if {@code process} has no qualification move
   */
  public static SalesProcess withQualification(SalesProcess process, TransitionGuard policy) {
    return withQualification(process, EventType.QUALIFICATION_SCORED, policy);
  }

  /**
   * Returns {@code process} qualifying on another policy, on the event given: every move out of qualification (on
   * {@code qualification-assessed} or {@code qualification-scored} into a stage that is not lost) moves on
   * {@code event}, guarded by {@code policy}; when it used to move on {@code qualification-assessed} and no longer
   * does, that event is still recorded in the stage. Everything else stays as it was; the result is validated again.
   *
   * <pre>{@code
   * SalesProcess lenient = SalesCatalog.withQualification(SalesCatalog.fiveStep(), EventType.QUALIFICATION_ASSESSED,
   *     SalesGuards.bantAtLeast(2));
   * }</pre>
   *
   * @param process a catalog process, customised or not, or any process that qualifies on one of the two events
   * @param event {@link EventType#QUALIFICATION_ASSESSED} for a BANT policy, {@link EventType#QUALIFICATION_SCORED}
   *     for a scorecard policy
   * @param policy the guard a deal must pass to leave qualification
   * @return the process with the same id, qualifying on {@code policy}
   * @throws IllegalArgumentException if {@code event} is neither of the two, or {@code process} has no qualification
   *     move
   */
  public static SalesProcess withQualification(SalesProcess process, EventType event, TransitionGuard policy) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(event, "event must not be null");
    Objects.requireNonNull(policy, "policy must not be null");
    if (!event.equals(EventType.QUALIFICATION_ASSESSED) && !event.equals(EventType.QUALIFICATION_SCORED)) {
      throw new IllegalArgumentException("a qualification policy moves on 'qualification-assessed' (BANT) or"
          + " 'qualification-scored' (a scorecard), not on '" + event + "'");
    }
    SalesProcess.Builder builder = process.toBuilder().removeTransitionsIf(t -> true);
    java.util.Set<String> done = new java.util.HashSet<>();
    for (Transition t : process.transitions()) {
      if (!isQualificationMove(process, t)) {
        builder.transition(t);
      } else if (done.add(t.source())) {
        builder.transition(t.source(), event, t.target(), policy);
        if (!event.equals(EventType.QUALIFICATION_ASSESSED)
            && process.transitions(t.source(), EventType.QUALIFICATION_ASSESSED).stream()
                .noneMatch(Transition::internal)) {
          builder.internal(t.source(), EventType.QUALIFICATION_ASSESSED);
        }
      }
    }
    if (done.isEmpty()) {
      throw new IllegalArgumentException("process '" + process.id() + "' has no move on 'qualification-assessed'"
          + " or 'qualification-scored' into a stage that is not lost, so there is no qualification policy to"
          + " swap; add a guard to your own qualifying transition instead");
    }
    return builder.build();
  }

  private static boolean isQualificationMove(SalesProcess process, Transition t) {
    return !t.internal() && (t.event().equals(EventType.QUALIFICATION_ASSESSED)
        || t.event().equals(EventType.QUALIFICATION_SCORED)) && process.stage(t.target()).kind() != StageKind.LOST;
  }

  /**
   * Returns {@code process} with stakeholder coverage required before closing: every move from an open stage into
   * the stage the process signs in (closing; contract negotiation in {@value #SEVEN_STEP_FULFILMENT}; identify
   * hyperactive buyers in {@value #SEVEN_PHASE_FUNNEL}) also needs {@code n} stakeholders engaged, a decision-maker
   * among them ({@link io.salesflow.guard.SalesGuards#stakeholdersEngaged(int)}). “7-step sales process”
   * (Lucidchart) counts 6.8 stakeholders in a typical purchase and advises multi-threading; the
   * {@value #EIGHT_STEP} and {@value #SEVEN_STEP_TEXTBOOK} processes are the ones written for such purchases.
   *
   * @param process a catalog process, customised or not
   * @param n how many stakeholders, from 1 to 100
   * @return the process with the same id, validated again
   * @throws IllegalArgumentException if {@code process} is not from the catalog, or {@code n} is out of range
   */
  public static SalesProcess withStakeholderCoverage(SalesProcess process, int n) {
    Objects.requireNonNull(process, "process must not be null");
    TransitionGuard coverage = io.salesflow.guard.SalesGuards.stakeholdersEngaged(n);
    String closing = CLOSING_STAGES.get(process.id());
    if (closing == null || process.findStage(closing).isEmpty()) {
      throw new IllegalArgumentException("process '" + process.id() + "' is not a catalog process with a closing"
          + " stage; add SalesGuards.stakeholdersEngaged(" + n + ") to your own move into closing instead");
    }
    SalesProcess.Builder builder = process.toBuilder().removeTransitionsIf(t -> true);
    for (Transition t : process.transitions()) {
      boolean intoClosing = !t.internal() && t.target().equals(closing) && !t.source().equals(closing)
          && process.stage(t.source()).kind() == StageKind.OPEN;
      builder.transition(intoClosing ? new Transition(t.source(), t.event(), t.target(), false,
          t.guard().and(coverage)) : t);
    }
    return builder.build();
  }
}
