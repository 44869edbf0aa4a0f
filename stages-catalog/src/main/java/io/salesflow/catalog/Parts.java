package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.LOST;

import io.salesflow.EventType;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionGuard;
import io.salesflow.guard.SalesGuards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Building blocks the catalog processes share: stage shapes, the standard rows and the shared guards. */
final class Parts {
  /**
   * How many unanswered follow-ups in a row move a deal to nurture (“7-step sales process” (Lucidchart): 80% of
   * sellers have given up by the third rejection).
   */
  static final int UNANSWERED_BEFORE_NURTURE = 3;

  static final Duration WEEK = Duration.ofDays(7);
  static final Duration TWO_WEEKS = Duration.ofDays(14);
  static final Duration THREE_WEEKS = Duration.ofDays(21);
  static final Duration MONTH = Duration.ofDays(30);
  static final Duration QUARTER = Duration.ofDays(90);

  private Parts() {}

  /**
   * An open stage, in the forecast category its win probability suggests: {@link Stage.ForecastCategory#COMMIT
   * commit} from 60%, {@link Stage.ForecastCategory#BEST_CASE best case} from 40%, else pipeline.
   */
  static Stage open(String id, String name, double winProbability, Duration stallAfter, String description,
      String guidance) {
    Stage.ForecastCategory category = winProbability >= 0.6 ? Stage.ForecastCategory.COMMIT
        : winProbability >= 0.4 ? Stage.ForecastCategory.BEST_CASE : Stage.ForecastCategory.PIPELINE;
    return Stage.builder().id(id).name(name).kind(StageKind.OPEN).winProbability(winProbability)
        .forecastCategory(category).stallAfter(stallAfter).description(description).guidance(guidance).build();
  }

  static Stage postSale(String id, String name, Duration stallAfter, String description, String guidance) {
    return Stage.builder().id(id).name(name).kind(StageKind.POST_SALE).winProbability(1.0).stallAfter(stallAfter)
        .description(description).guidance(guidance).build();
  }

  static Stage won(String description) {
    return Stage.builder().id(CatalogStages.CUSTOMER).name("Customer").kind(StageKind.WON).winProbability(1.0)
        .description(description).build();
  }

  static Stage lost(String description) {
    return Stage.builder().id(LOST).name("Closed lost").kind(StageKind.LOST).winProbability(0.0)
        .description(description).build();
  }

  static Stage disqualified(String description) {
    return Stage.builder().id(CatalogStages.DISQUALIFIED).name("Disqualified").kind(StageKind.LOST)
        .winProbability(0.0).description(description).build();
  }

  /**
   * The rows every open stage has: a follow-up, a forecast update and an engaged stakeholder are recorded without
   * moving the deal, and the deal may be closed lost, for no response only after the default number of follow-ups.
   */
  static void openRows(SalesProcess.Builder builder, String... stages) {
    for (String stage : stages) {
      builder.internal(stage, EventType.FOLLOW_UP_LOGGED);
      builder.internal(stage, EventType.FORECAST_UPDATED);
      builder.internal(stage, EventType.STAKEHOLDER_ENGAGED);
      builder.transition(stage, EventType.CLOSED_LOST, LOST, SalesGuards.followUpsBeforeNoResponseLoss());
    }
  }

  /** Another contact (a repeat call, a further stakeholder) is recorded without moving the deal. */
  static void contactRows(SalesProcess.Builder builder, String... stages) {
    for (String stage : stages) {
      builder.internal(stage, EventType.CONTACT_MADE);
    }
  }

  /** Objections are raised and resolved without moving the deal. */
  static void objectionRows(SalesProcess.Builder builder, String... stages) {
    for (String stage : stages) {
      builder.internal(stage, EventType.OBJECTION_RAISED);
      builder.internal(stage, EventType.OBJECTION_RESOLVED);
    }
  }

  /** Post-sale stages record follow-ups with the customer, and the expansion deals started from theirs. */
  static void postSaleRows(SalesProcess.Builder builder, String... stages) {
    for (String stage : stages) {
      builder.internal(stage, EventType.FOLLOW_UP_LOGGED);
      builder.internal(stage, EventType.EXPANSION_STARTED);
    }
  }

  /** Moving to nurture needs {@value #UNANSWERED_BEFORE_NURTURE} unanswered follow-ups in a row. */
  static TransitionGuard nurtureAfterSilence() {
    return SalesGuards.unansweredFollowUpsAtLeast(UNANSWERED_BEFORE_NURTURE);
  }

  /**
   * “7-step sales process” (Lucidchart) qualifies inside prospecting on two questions: does the prospect need it,
   * and can they afford it.
   */
  static TransitionGuard needAndBudgetConfirmed() {
    return SalesGuards.bant("need and budget confirmed", bant -> {
      List<String> unmet = new ArrayList<>(2);
      if (!bant.needConfirmed()) {
        unmet.add("need: no pain points stated");
      }
      if (!bant.budgetConfirmed()) {
        unmet.add("budget: the prospect has not confirmed they can afford it");
      }
      return unmet;
    });
  }

  /**
   * “The 7 Step Of Sales Process” drops prospects without the resources for the project: a confirmed, non-zero
   * budget is required.
   */
  static TransitionGuard resourcesConfirmed() {
    return SalesGuards.bant("budget for the project confirmed", bant -> bant.budget()
        .filter(b -> b.confirmed() && b.amount().signum() > 0).isPresent()
        ? List.of()
        : List.of("budget: no confirmed budget for the project; prospects without resources do not qualify"));
  }

  /**
   * “8 Key Stages that the Best Sales Process Covers” (SmartWinnr): decision-makers on both sides agree before the
   * deal is signed.
   */
  static TransitionGuard buyInFromBothSides() {
    return TransitionGuard.named("buy-in from both sides", ctx -> {
      List<String> unmet = new ArrayList<>(2);
      if (ctx.facts().field(CatalogEvents.BUY_IN_BUYER).isEmpty()) {
        unmet.add("buy-in: no decision-maker on the buyer's side has agreed yet");
      }
      if (ctx.facts().field(CatalogEvents.BUY_IN_SELLER).isEmpty()) {
        unmet.add("buy-in: no decision-maker on the seller's side has agreed yet");
      }
      return unmet.isEmpty() ? GuardVerdict.allow() : GuardVerdict.deny(unmet);
    });
  }
}
