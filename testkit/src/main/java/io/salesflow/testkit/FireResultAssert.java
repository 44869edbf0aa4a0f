package io.salesflow.testkit;

import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what firing an event returned.
 *
 * <pre>{@code
 * FireResultAssert.assertThat(engine.fire("D-42", event))
 *     .isRejectedWith(RejectionKind.GUARD_DENIED).hasReasonContaining("authority");
 * }</pre>
 *
 * @since 0.1
 */
public final class FireResultAssert extends AbstractAssert<FireResultAssert, FireResult> {

  private FireResultAssert(FireResult actual) {
    super(actual, FireResultAssert.class);
  }

  /**
   * Starts assertions on {@code result}.
   *
   * @param result what firing an event returned; {@code null} fails every assertion
   * @return the assertions
   */
  public static FireResultAssert assertThat(FireResult result) {
    return new FireResultAssert(result);
  }

  /**
   * Verifies that the event was accepted; the failure shows the rejection's reasons.
   *
   * @return this assertion, to chain more
   */
  public FireResultAssert isAccepted() {
    isNotNull();
    if (!actual.isAccepted()) {
      failWithMessage("Expected the event to be accepted but it was rejected: %s", actual);
    }
    return this;
  }

  /**
   * Verifies that the event was accepted and moved the deal to {@code stageId}.
   *
   * @param stageId the id of the stage expected after the event; for an internal transition, the deal's own stage
   * @return this assertion, to chain more
   */
  public FireResultAssert movedTo(String stageId) {
    isAccepted();
    if (!actual.deal().stage().equals(stageId)) {
      failWithMessage("Expected the event to move the deal to '%s' but: %s", stageId, actual);
    }
    return this;
  }

  /**
   * Verifies that the event was rejected, for any reason.
   *
   * @return this assertion, to chain more
   */
  public FireResultAssert isRejected() {
    isNotNull();
    if (actual.isAccepted()) {
      failWithMessage("Expected the event to be rejected but it was accepted: %s", actual);
    }
    return this;
  }

  /**
   * Verifies that the event was rejected, of the given kind.
   *
   * @param kind the kind of rejection expected
   * @return this assertion, to chain more
   */
  public FireResultAssert isRejectedWith(RejectionKind kind) {
    isRejected();
    FireResult.Rejected rejected = (FireResult.Rejected) actual;
    if (rejected.kind() != kind) {
      failWithMessage("Expected a %s rejection but it was %s: %s", kind, rejected.kind(), rejected.reasons());
    }
    return this;
  }

  /**
   * Verifies that the event was rejected with at least one reason containing {@code text}.
   *
   * @param text a part of a reason, matched case-sensitively
   * @return this assertion, to chain more
   */
  public FireResultAssert hasReasonContaining(String text) {
    isRejected();
    FireResult.Rejected rejected = (FireResult.Rejected) actual;
    if (rejected.reasons().stream().noneMatch(r -> r.contains(text))) {
      failWithMessage("Expected a rejection reason containing '%s' but the reasons were %s", text,
          rejected.reasons());
    }
    return this;
  }

  /**
   * {@return assertions on the deal the result carries: the new snapshot if accepted, the unchanged one if rejected}
   */
  public DealAssert deal() {
    isNotNull();
    return DealAssert.assertThat(actual.deal());
  }
}
