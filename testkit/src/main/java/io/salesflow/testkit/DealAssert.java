package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.TransitionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Deal}.
 *
 * <pre>{@code
 * DealAssert.assertThat(engine.get("D-42")).isInStage("closing").hasVersion(3).hasHistorySize(3)
 *     .hasStagePath("new", "qualified", "closing");
 * }</pre>
 *
 * @since 0.1
 */
public final class DealAssert extends AbstractAssert<DealAssert, Deal> {

  private DealAssert(Deal actual) {
    super(actual, DealAssert.class);
  }

  /**
   * Starts assertions on {@code deal}.
   *
   * @param deal the deal to check; {@code null} fails every assertion
   * @return the assertions
   */
  public static DealAssert assertThat(Deal deal) {
    return new DealAssert(deal);
  }

  /**
   * Verifies that the deal is in the stage with the given id; the failure shows the deal's history.
   *
   * @param stageId the id of the stage expected
   * @return this assertion, to chain more
   */
  public DealAssert isInStage(String stageId) {
    isNotNull();
    if (!actual.stage().equals(stageId)) {
      failWithMessage("Expected deal '%s' to be in stage '%s' but it is in '%s' (history: %s)", actual.id(), stageId,
          actual.stage(), actual.history());
    }
    return this;
  }

  /**
   * Verifies the deal's version, which is the number of accepted transitions.
   *
   * @param version the version expected
   * @return this assertion, to chain more
   */
  public DealAssert hasVersion(long version) {
    isNotNull();
    if (actual.version() != version) {
      failWithMessage("Expected deal '%s' to be at version %s but it is at %s", actual.id(), version,
          actual.version());
    }
    return this;
  }

  /**
   * Verifies how many transitions the deal's history holds.
   *
   * @param size the number of records expected, internal transitions included
   * @return this assertion, to chain more
   */
  public DealAssert hasHistorySize(int size) {
    isNotNull();
    if (actual.history().size() != size) {
      failWithMessage("Expected deal '%s' to have %s history records but it has %s: %s", actual.id(), size,
          actual.history().size(), actual.history());
    }
    return this;
  }

  /**
   * Verifies the stages the deal went through: its first record's source, then each stage-changing record's target
   * (internal transitions add nothing).
   *
   * @param stageIds the stage ids expected, in order; for a deal with no history, its current stage alone
   * @return this assertion, to chain more
   */
  public DealAssert hasStagePath(String... stageIds) {
    isNotNull();
    List<String> path = new ArrayList<>();
    for (TransitionRecord record : actual.history()) {
      if (path.isEmpty()) {
        path.add(record.from());
      }
      if (!record.internal()) {
        path.add(record.to());
      }
    }
    if (path.isEmpty()) {
      path.add(actual.stage());
    }
    if (!path.equals(List.of(stageIds))) {
      failWithMessage("Expected deal '%s' to have gone through %s but it went through %s", actual.id(),
          List.of(stageIds), path);
    }
    return this;
  }

  /**
   * Verifies the type of the event of the deal's last recorded transition.
   *
   * @param type the event type expected; a deal with no history fails
   * @return this assertion, to chain more
   */
  public DealAssert hasLastEventOfType(EventType type) {
    isNotNull();
    EventType last = actual.lastTransition().map(TransitionRecord::eventType).orElse(null);
    if (!type.equals(last)) {
      failWithMessage("Expected the last transition of deal '%s' to be on '%s' but it was %s", actual.id(), type,
          last == null ? "none (empty history)" : "on '" + last + "'");
    }
    return this;
  }

  /**
   * Verifies when the deal entered its current stage.
   *
   * @param at the instant expected, exactly
   * @return this assertion, to chain more
   */
  public DealAssert enteredStageAt(Instant at) {
    isNotNull();
    if (!actual.enteredStageAt().equals(at)) {
      failWithMessage("Expected deal '%s' to have entered stage '%s' at %s but it entered at %s", actual.id(),
          actual.stage(), at, actual.enteredStageAt());
    }
    return this;
  }

  /**
   * Verifies that the deal is, in every attribute, the given snapshot: stage, version, facts and history.
   *
   * @param earlier the snapshot the deal is expected to equal, typically taken before a rejected event
   * @return this assertion, to chain more
   */
  public DealAssert isUnchangedFrom(Deal earlier) {
    isNotNull();
    if (!actual.equals(earlier)) {
      failWithMessage("Expected deal '%s' to be unchanged from %s (facts %s) but it is %s (facts %s)", actual.id(),
          earlier, earlier.facts(), actual, actual.facts());
    }
    return this;
  }
}
