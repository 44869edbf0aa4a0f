package io.salesflow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A process definition failed validation. {@link #problems()} lists every problem found, not only the first.
 *
 * @since 0.1
 */
public final class InvalidProcessException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  private final transient List<ProcessProblem> problems;

  InvalidProcessException(String processId, List<ProcessProblem> problems) {
    super("process '" + processId + "' is invalid (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):"
        + problems.stream().map(p -> "\n  - " + p.message()).collect(Collectors.joining()), processId, null);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order the rules are checked. */
  public List<ProcessProblem> problems() {
    return problems;
  }
}
