package io.salesflow;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A process definition failed validation. {@link #problems()} lists every problem found, not only the first; the
 * message lists the first 20 and says how many more there are, so that it stays readable for a generated definition
 * with thousands of problems.
 *
 * @since 0.1
 */
public final class InvalidProcessException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** How many problems the message lists; {@link #problems()} has every one. */
  static final int LISTED_PROBLEMS = 20;

  InvalidProcessException(String processId, List<Problem> problems) {
    super(message(processId, problems), processId, null);
    this.problems = List.copyOf(problems);
  }

  private static String message(String processId, List<Problem> problems) {
    int more = problems.size() - LISTED_PROBLEMS;
    return "process '" + processId + "' is invalid (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):"
        + problems.stream().limit(LISTED_PROBLEMS).map(p -> "\n  - " + p.message()).collect(Collectors.joining())
        + (more > 0 ? "\n  … and " + more + " more; problems() lists every one" : "");
  }

  /** {@return every problem found, in the order the rules are checked; never empty} */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * One reason a process definition is invalid.
   *
   * @param rule the rule broken
   * @param message a sentence naming the stages and events involved and what to change
   * @param stages the stage ids involved
   * @param events the event types involved, if any
   * @since 0.1
   */
  public record Problem(Rule rule, String message, List<String> stages, List<EventType> events) {
    /**
     * Checks the rule and message, and copies the lists.
     *
     * @param rule the rule broken
     * @param message a sentence naming the stages and events involved and what to change; not blank
     * @param stages the stage ids involved
     * @param events the event types involved; may be empty
     * @throws IllegalArgumentException if {@code message} is blank
     */
    public Problem {
      Objects.requireNonNull(rule, "rule must not be null");
      Checks.notBlank(message, "message");
      stages = List.copyOf(stages);
      events = List.copyOf(events);
    }

    /** The validation rules of {@link SalesProcess.Builder#build()}. */
    public enum Rule {
      /** No initial stage was set, or it names no stage of the process. */
      MISSING_INITIAL_STAGE,
      /** A transition names a stage the process does not have. */
      UNKNOWN_STAGE,
      /** The process has no stage of kind {@link StageKind#WON}. */
      NO_WON_STAGE,
      /** A stage cannot be reached from the initial stage. */
      UNREACHABLE_STAGE,
      /** An open or post-sale stage cannot reach any won or lost stage. */
      NO_OUTCOME_REACHABLE,
      /** A transition leaves a won or lost stage. */
      TRANSITION_FROM_TERMINAL_STAGE,
      /** Two unguarded transitions leave the same stage on the same event, so the target would be ambiguous. */
      AMBIGUOUS_TRANSITIONS,
      /**
       * A guarded transition is listed after an unguarded one on the same stage and event: engines take the first
       * transition whose guard allows, so it could never fire.
       */
      SHADOWED_TRANSITION
    }

    @Override
    public String toString() {
      return rule + ": " + message;
    }
  }
}
