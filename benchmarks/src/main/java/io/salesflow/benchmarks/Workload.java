package io.salesflow.benchmarks;

import io.salesflow.BantAssessment;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.guard.SalesGuards;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one workload every row of {@link EngineBenchmarks} runs: the textbook seven-step process of “7-step sales
 * process” (Lucidchart) with a budget guard on qualification, 1,024 deals fired at in round robin, each following a
 * script by its slot:
 *
 * <ul>
 *   <li>a quarter of the deals (slot % 4 == 0) are denied by the budget guard (4,000 confirmed, 10,000 required),
 *       then lost from prospecting: 2 events;
 *   <li>one in eight (slot % 8 == 1) go through one objection loop and are lost at closing: 7 events;
 *   <li>the rest go through one objection loop, are won at closing, and leave follow-up into won: 8 events.
 * </ul>
 *
 * <p>51 events per 8 deals, 2 of them denied. A deal that finished its script is recycled to the first stage, and
 * its script begins again.
 *
 * <p>The process is defined here, not taken from the catalog's {@code seven-step-textbook}: the benchmarks need their
 * own variant, with a budget guard on qualification, built-in events only (so that the raw rows can key on an enum),
 * and the objection loop back to presentation.
 */
public final class Workload {
  /** Deals fired at in round robin. */
  public static final int DEALS = 1024;
  /** The process id. */
  public static final String PROCESS_ID = "bench-seven-step";
  /** The budget the guard on qualification requires. */
  public static final BigDecimal MINIMUM_BUDGET = new BigDecimal("10000");

  /**
   * When the workload's events happened: when the benchmark started, as an application's events are dated when they
   * happen, just before they are fired. A history keeps such an event decomposed; one dated further than about 26
   * days from its record's time is kept as given instead, so a fixed date here would make the figures depend on the
   * day they were measured.
   */
  private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  /** The seven steps of the Lucidchart article, plus the two outcomes, as the raw rows key on them. */
  public enum StageId {
    PROSPECTING("prospecting"),
    PREPARATION("preparation"),
    APPROACH("approach"),
    PRESENTATION("presentation"),
    HANDLING_OBJECTIONS("handling-objections"),
    CLOSING("closing"),
    FOLLOW_UP("follow-up"),
    WON("won"),
    LOST("lost");

    /** The stage id in the process definition. */
    public final String id;

    StageId(String id) {
      this.id = id;
    }

    /** Returns the stage with the given id. */
    public static StageId of(String id) {
      for (StageId stage : values()) {
        if (stage.id.equals(id)) {
          return stage;
        }
      }
      throw new IllegalArgumentException("no stage '" + id + "'");
    }
  }

  /** The event types the workload fires, as the raw rows key on them. */
  public enum Trigger {
    QUALIFICATION_ASSESSED(EventType.QUALIFICATION_ASSESSED),
    CONTACT_MADE(EventType.CONTACT_MADE),
    PRESENTATION_DELIVERED(EventType.PRESENTATION_DELIVERED),
    OBJECTION_RAISED(EventType.OBJECTION_RAISED),
    OBJECTION_RESOLVED(EventType.OBJECTION_RESOLVED),
    PROPOSAL_SENT(EventType.PROPOSAL_SENT),
    CLOSED_WON(EventType.CLOSED_WON),
    CLOSED_LOST(EventType.CLOSED_LOST),
    ONBOARDING_DONE(EventType.ONBOARDING_DONE);

    /** The event type in the process definition. */
    public final EventType type;

    Trigger(EventType type) {
      this.type = type;
    }
  }

  /** One scripted event, shared by every deal that takes this step. */
  public enum Step {
    QUALIFY(Trigger.QUALIFICATION_ASSESSED, new SalesEvent.QualificationAssessed(AT,
        BantAssessment.builder().budget(new BigDecimal("25000"), true).build())),
    QUALIFY_LOW_BUDGET(Trigger.QUALIFICATION_ASSESSED, new SalesEvent.QualificationAssessed(AT,
        BantAssessment.builder().budget(new BigDecimal("4000"), true).build())),
    LOSE_UNQUALIFIED(Trigger.CLOSED_LOST, new SalesEvent.ClosedLost(AT, LossReason.NO_BUDGET)),
    CONTACT(Trigger.CONTACT_MADE, new SalesEvent.ContactMade(AT, ContactChannel.PHONE)),
    PRESENT(Trigger.PRESENTATION_DELIVERED, new SalesEvent.PresentationDelivered(AT)),
    OBJECT(Trigger.OBJECTION_RAISED, new SalesEvent.ObjectionRaised(AT, ObjectionCategory.PRICE)),
    RESOLVE(Trigger.OBJECTION_RESOLVED, new SalesEvent.ObjectionResolved(AT, ObjectionCategory.PRICE)),
    PROPOSE(Trigger.PROPOSAL_SENT, new SalesEvent.ProposalSent(AT, new BigDecimal("24000"))),
    WIN(Trigger.CLOSED_WON, new SalesEvent.ClosedWon(AT, new BigDecimal("24000"))),
    LOSE_AT_CLOSING(Trigger.CLOSED_LOST, new SalesEvent.ClosedLost(AT, LossReason.COMPETITOR)),
    ONBOARD(Trigger.ONBOARDING_DONE, new SalesEvent.OnboardingDone(AT));

    /** The trigger the raw rows key on. */
    public final Trigger trigger;
    /** The event the engines fire; the raw rows' guard reads it too. */
    public final SalesEvent event;

    Step(Trigger trigger, SalesEvent event) {
      this.trigger = trigger;
      this.event = event;
    }
  }

  /** An internal event in prospecting that gives deals history without changing their stage or facts' size. */
  public static final SalesEvent LEAD_SCORED = new SalesEvent.LeadScored(AT, LeadTemperature.WARM);

  private static final Step[] DENIED = {Step.QUALIFY_LOW_BUDGET, Step.LOSE_UNQUALIFIED};
  private static final Step[] LOST_AT_CLOSING = {Step.QUALIFY, Step.CONTACT, Step.PRESENT, Step.OBJECT, Step.RESOLVE,
      Step.PROPOSE, Step.LOSE_AT_CLOSING};
  private static final Step[] WON = {Step.QUALIFY, Step.CONTACT, Step.PRESENT, Step.OBJECT, Step.RESOLVE,
      Step.PROPOSE, Step.WIN, Step.ONBOARD};

  /** The one process definition, shared by every row. */
  public static final SalesProcess PROCESS = process();

  private Workload() {}

  /** Returns the script of the deal in {@code slot}. */
  public static Step[] script(int slot) {
    if (slot % 4 == 0) {
      return DENIED;
    }
    return slot % 8 == 1 ? LOST_AT_CLOSING : WON;
  }

  /**
   * The guard on qualification as plain Java, for the rows that have no {@link io.salesflow.GuardContext}: the same
   * condition as {@link SalesGuards#minimumConfirmedBudget(BigDecimal)}, a confirmed budget of at least 10,000, without
   * its reasons.
   */
  public static boolean budgetConfirmed(SalesEvent event) {
    if (event instanceof SalesEvent.QualificationAssessed q && q.assessment().budget().isPresent()) {
      BantAssessment.Budget budget = q.assessment().budget().get();
      return budget.confirmed() && budget.amount().compareTo(MINIMUM_BUDGET) >= 0;
    }
    return false;
  }

  /** One row of the transition table, for the raw rows. */
  public record Move(StageId source, Trigger trigger, StageId target, boolean budgetGuard) {}

  /** The transition table of {@link #PROCESS} (without the internal lead-scored row), for the raw rows. */
  public static List<Move> moves() {
    List<Move> moves = new ArrayList<>();
    moves.add(new Move(StageId.PROSPECTING, Trigger.QUALIFICATION_ASSESSED, StageId.PREPARATION, true));
    moves.add(new Move(StageId.PREPARATION, Trigger.CONTACT_MADE, StageId.APPROACH, false));
    moves.add(new Move(StageId.APPROACH, Trigger.PRESENTATION_DELIVERED, StageId.PRESENTATION, false));
    moves.add(new Move(StageId.PRESENTATION, Trigger.OBJECTION_RAISED, StageId.HANDLING_OBJECTIONS, false));
    moves.add(new Move(StageId.HANDLING_OBJECTIONS, Trigger.OBJECTION_RESOLVED, StageId.PRESENTATION, false));
    moves.add(new Move(StageId.PRESENTATION, Trigger.PROPOSAL_SENT, StageId.CLOSING, false));
    moves.add(new Move(StageId.CLOSING, Trigger.CLOSED_WON, StageId.FOLLOW_UP, false));
    moves.add(new Move(StageId.FOLLOW_UP, Trigger.ONBOARDING_DONE, StageId.WON, false));
    for (StageId open : new StageId[] {StageId.PROSPECTING, StageId.PREPARATION, StageId.APPROACH,
        StageId.PRESENTATION, StageId.HANDLING_OBJECTIONS, StageId.CLOSING}) {
      moves.add(new Move(open, Trigger.CLOSED_LOST, StageId.LOST, false));
    }
    return moves;
  }

  /** The id of {@link #generated(int)}'s process of {@code stages} stages. */
  public static String generatedId(int stages) {
    return stages == StageId.values().length ? PROCESS_ID : PROCESS_ID + "-" + stages;
  }

  /**
   * A generated process of {@code stages} stages on which the workload's scripts run unchanged: {@link #PROCESS}
   * itself for nine, otherwise {@link #PROCESS}'s nine stages and transitions plus {@code stages - 9} extra open
   * stages {@code extra-1} to {@code extra-N}, each with three transitions of its own:
   *
   * <ul>
   *   <li>referral received: to the next extra stage (the last one back to prospecting), so that every extra stage
   *       is reachable, from prospecting through a referral received to {@code extra-1};
   *   <li>contact made: into preparation, the workload's graph;
   *   <li>closed lost: into lost.
   * </ul>
   *
   * <p>So the transition table really grows: 15 rows for nine stages (the lead-scored row included), 15 + 1 + 3
   * &times; (N &minus; 9) otherwise (289 rows for 100 stages, 2,989 for 1,000). The extra stages are declared spread
   * among the workload's (an equal share before each of them), so that no stage the deals visit sits at the front of
   * the definition. The deals never fire a referral, so they take exactly the workload's transitions and go through
   * the same stages.
   *
   * @param stages the number of stages, at least 9
   */
  public static SalesProcess generated(int stages) {
    int extras = stages - StageId.values().length;
    if (extras < 0) {
      throw new IllegalArgumentException("a generated process has at least 9 stages, but was asked " + stages);
    }
    if (extras == 0) {
      return PROCESS;
    }
    SalesProcess.Builder b = builder(generatedId(stages));
    StageId[] workload = StageId.values();
    int next = 1;
    for (int i = 0; i < workload.length; i++) {
      int upTo = extras * (i + 1) / workload.length;
      for (; next <= upTo; next++) {
        b.stage(Stage.open("extra-" + next, "Extra " + next));
      }
      b.stage(stage(workload[i]));
    }
    b.transition(StageId.PROSPECTING.id, EventType.REFERRAL_RECEIVED, "extra-1");
    for (int x = 1; x <= extras; x++) {
      String id = "extra-" + x;
      b.transition(id, EventType.REFERRAL_RECEIVED, x == extras ? StageId.PROSPECTING.id : "extra-" + (x + 1));
      b.transition(id, EventType.CONTACT_MADE, StageId.PREPARATION.id);
      b.transition(id, EventType.CLOSED_LOST, StageId.LOST.id);
    }
    return b.build();
  }

  private static SalesProcess process() {
    SalesProcess.Builder b = builder(PROCESS_ID);
    for (StageId stage : StageId.values()) {
      b.stage(stage(stage));
    }
    return b.build();
  }

  private static Stage stage(StageId stage) {
    return switch (stage) {
      case PROSPECTING -> Stage.open(stage.id, "Prospecting");
      case PREPARATION -> Stage.open(stage.id, "Preparation");
      case APPROACH -> Stage.open(stage.id, "Approach");
      case PRESENTATION -> Stage.open(stage.id, "Presentation");
      case HANDLING_OBJECTIONS -> Stage.open(stage.id, "Handling objections");
      case CLOSING -> Stage.open(stage.id, "Closing");
      case FOLLOW_UP -> Stage.postSale(stage.id, "Follow-up");
      case WON -> Stage.won(stage.id, "Won");
      case LOST -> Stage.lost(stage.id, "Lost");
    };
  }

  /** The workload's initial stage and transitions, without its stages. */
  private static SalesProcess.Builder builder(String id) {
    SalesProcess.Builder b = SalesProcess.builder(id)
        .name("Seven-step sales process, benchmark variant")
        .description("The seven steps of “7-step sales process” (Lucidchart) with a budget guard on qualification"
            + " and an objection loop back to presentation; the workload of the benchmarks.")
        .initialStage(StageId.PROSPECTING.id)
        .internal(StageId.PROSPECTING.id, EventType.LEAD_SCORED);
    for (Move move : moves()) {
      if (move.budgetGuard()) {
        b.transition(move.source().id, move.trigger().type, move.target().id,
            SalesGuards.minimumConfirmedBudget(MINIMUM_BUDGET));
      } else {
        b.transition(move.source().id, move.trigger().type, move.target().id);
      }
    }
    return b;
  }
}
