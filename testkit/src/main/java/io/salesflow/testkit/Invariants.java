package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.GuardContext;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The behavioural invariants, checked on each step of a walk. A built {@link SalesProcess} is structurally sound by
 * construction ({@code SalesProcess.Builder.build()} refuses anything else), so there is nothing structural to check.
 */
final class Invariants {
  static final String NO_EXCEPTION = "the engine answers without throwing";
  static final String START = "a deal starts where and as it was started, at version 0";
  static final String STORED_EQUALS_RETURNED = "the stored deal is the one the engine returned";
  static final String ENGINE_AGREES = "the engine agrees with the definition";
  static final String REJECTION_CHANGES_NOTHING = "a rejected event changes nothing";
  static final String VERSION = "the version equals the accepted transitions";
  static final String HISTORY_CONTINUITY = "the history is continuous";
  static final String INTERNAL_KEEPS_STAGE = "an internal transition keeps the stage and its entry time";
  static final String FACTS = "the facts follow the accepted events";
  static final String REACHABLE_STAGE = "the deal is in a stage the definition can reach";
  static final String WON_PASSED_GUARDS = "a won deal passed every guard on its path";
  static final String ORACLE = "the engine decides each event as the definition does";
  static final String GUARDS_ANSWER = "guards answer without throwing";
  static final String PAYLOADS_ANSWER = "payload generators answer without throwing";

  private Invariants() {}

  /**
   * Checks one step: {@code before} is the stored deal before {@code event} was fired without an expected version,
   * {@code result} what the engine answered and {@code stored} the deal read back afterwards; {@code start} is the
   * deal as it was started.
   */
  static List<Violation> step(SalesProcess process, Deal start, Deal before, SalesEvent event,
      FireResult result, Deal stored) {
    List<Violation> violations = new ArrayList<>();
    String deal = "deal '" + before.id() + "'";
    if (!result.deal().equals(stored)) {
      violations.add(new Violation(STORED_EQUALS_RETURNED, deal + ": the store holds a deal with "
          + String.join(", ", Events.differences(stored, result.deal())) + " (what the engine answered)"));
    }
    Stage stage = process.stage(before.stage());
    EventType type = event.type();
    Decision.Refuse refusedBeforeGuards = Decision.beforeGuards(process, before, type);
    List<Transition> candidates = refusedBeforeGuards != null ? List.of() : process.transitions(before.stage(), type);
    if (result instanceof FireResult.Rejected rejected) {
      RejectionKind expected = refusedBeforeGuards != null ? refusedBeforeGuards.kind() : RejectionKind.GUARD_DENIED;
      if (rejected.kind() != expected) {
        violations.add(new Violation(ENGINE_AGREES, deal + " in stage '" + before.stage() + "': '" + type
            + "' was rejected as " + rejected.kind() + " but the definition says " + expected
            + (candidates.isEmpty() ? "" : " (it has " + candidates + ")")));
      }
      if (!stored.equals(before)) {
        violations.add(new Violation(REJECTION_CHANGES_NOTHING, deal + ": '" + type + "' was rejected ("
            + rejected.kind() + ") but the deal now has " + String.join(", ", Events.differences(stored, before))));
      }
    } else {
      TransitionRecord record = ((FireResult.Accepted) result).transition();
      if (stage.isTerminal()) {
        violations.add(new Violation(ENGINE_AGREES, deal + " left the " + stage.kind().name().toLowerCase()
            + " stage '" + stage.id() + "' on '" + type + "' (to '" + record.to() + "'), but it is final"));
      } else if (candidates.stream().noneMatch(t -> t.target().equals(record.to()) && t.internal() == record.internal())) {
        violations.add(new Violation(ENGINE_AGREES, deal + " went " + record.from()
            + (record.internal() ? " (internal)" : " -> " + record.to()) + " on '" + type
            + "', which the definition does not have; from '" + before.stage() + "' on '" + type + "' it has "
            + candidates));
      }
      if (!record.from().equals(before.stage())) {
        violations.add(new Violation(HISTORY_CONTINUITY, deal + " was in '" + before.stage()
            + "' but the new record starts in '" + record.from() + "': " + record));
      }
      if (stored.version() != before.version() + 1) {
        violations.add(new Violation(VERSION, deal + ": one accepted transition took the version from "
            + before.version() + " to " + stored.version()));
      }
      if (stored.history().size() != stored.version()) {
        violations.add(new Violation(VERSION, deal + " has version " + stored.version() + " but "
            + stored.history().size() + " history records"));
      }
      List<TransitionRecord> after = stored.history().asList();
      List<TransitionRecord> earlier = before.history().asList();
      if (after.size() < earlier.size() || !after.subList(0, earlier.size()).equals(earlier)) {
        violations.add(new Violation(HISTORY_CONTINUITY, deal + ": accepting '" + type
            + "' changed or dropped earlier records: " + Events.history(before) + " became "
            + Events.history(stored)));
      }
      if (!stored.lastTransition().map(record::equals).orElse(false)) {
        violations.add(new Violation(HISTORY_CONTINUITY, deal + ": the accepted transition " + record
            + " is not the last record of the stored history " + after));
      }
      if (record.internal() && (!stored.stage().equals(before.stage())
          || !stored.enteredStageAt().equals(before.enteredStageAt()))) {
        violations.add(new Violation(INTERNAL_KEEPS_STAGE, deal + ": internal '" + type + "' moved it from stage '"
            + before.stage() + "' (entered " + before.enteredStageAt() + ") to '" + stored.stage() + "' (entered "
            + stored.enteredStageAt() + ")"));
      }
      if (!stored.facts().equals(before.facts().apply(event))) {
        violations.add(new Violation(FACTS, deal + ": after accepting " + Events.text(event) + " its facts are "
            + stored.facts() + " instead of " + before.facts().apply(event)));
      }
    }
    violations.addAll(continuity(stored));
    if (!process.graph().reachableFrom(process.initialStage().id()).contains(stored.stage())) {
      violations.add(new Violation(REACHABLE_STAGE, deal + " is in stage '" + stored.stage()
          + "', which process '" + process.id() + "' cannot reach"));
    }
    if (result.isAccepted() && process.findStage(stored.stage()).map(s -> s.kind().isWon()).orElse(false)) {
      violations.addAll(wonPassedEveryGuard(process, start, stored));
    }
    return violations;
  }

  /** Each record starts where the previous one ended, and the versions run 1, 2, 3… */
  static List<Violation> continuity(Deal deal) {
    List<TransitionRecord> records = deal.history().asList();
    for (int i = 0; i < records.size(); i++) {
      TransitionRecord record = records.get(i);
      if (record.version() != i + 1) {
        return List.of(new Violation(HISTORY_CONTINUITY, "deal '" + deal.id() + "': record " + (i + 1)
            + " has version " + record.version() + ": " + records));
      }
      if (i > 0 && !records.get(i - 1).to().equals(record.from())) {
        return List.of(new Violation(HISTORY_CONTINUITY, "deal '" + deal.id() + "': record " + record
            + " starts where the previous one (" + records.get(i - 1) + ") did not end"));
      }
    }
    if (!records.isEmpty() && !records.get(records.size() - 1).to().equals(deal.stage())) {
      return List.of(new Violation(HISTORY_CONTINUITY, "deal '" + deal.id() + "' is in stage '" + deal.stage()
          + "' but its last record ended in '" + records.get(records.size() - 1).to() + "'"));
    }
    return List.of();
  }

  /**
   * Replays {@code deal}'s history from {@code start} by the reference semantics: every recorded transition must be
   * the one the definition takes on the reconstructed pre-state, its guard re-evaluated at the recorded time.
   */
  static List<Violation> wonPassedEveryGuard(SalesProcess process, Deal start, Deal deal) {
    Deal pre = start;
    for (TransitionRecord record : deal.history()) {
      if (!record.from().equals(pre.stage()) || record.version() != pre.version() + 1) {
        return List.of(new Violation(HISTORY_CONTINUITY, "deal '" + deal.id() + "': record " + record
            + " does not continue the deal at version " + pre.version() + " in stage '" + pre.stage() + "'"));
      }
      GuardContext context = GuardContext.of(pre, record.event(), record.at());
      Decision decision;
      try {
        decision = Oracle.expect(process, pre, record.event(), record.at()).decision();
      } catch (Oracle.GuardThrew threw) {
        return List.of(new Violation(GUARDS_ANSWER, threw.getMessage()));
      }
      if (!(decision instanceof Decision.Take take && take.transition().target().equals(record.to())
          && take.transition().internal() == record.internal())) {
        String why = decision instanceof Decision.Take take
            ? "the definition takes " + take.transition() + " there"
            : "the definition refuses it: " + String.join("; ", ((Decision.Refuse) decision).reasons());
        return List.of(new Violation(WON_PASSED_GUARDS, "deal '" + deal.id() + "' reached won stage '"
            + deal.stage() + "', but on its path " + record + " was taken although " + why));
      }
      pre = pre.advance(record, context.facts());
    }
    return List.of();
  }
}
