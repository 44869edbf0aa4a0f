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

  /** Starts assertions on {@code result}. */
  public static FireResultAssert assertThat(FireResult result) {
    return new FireResultAssert(result);
  }

  /** Verifies that the event was accepted. */
  public FireResultAssert isAccepted() {
    isNotNull();
    if (!actual.isAccepted()) {
      failWithMessage("Expected the event to be accepted but it was rejected: %s", actual);
    }
    return this;
  }

  /** Verifies that the event was accepted and moved the deal to {@code stageId}. */
  public FireResultAssert movedTo(String stageId) {
    isAccepted();
    if (!actual.deal().stage().equals(stageId)) {
      failWithMessage("Expected the event to move the deal to '%s' but: %s", stageId, actual);
    }
    return this;
  }

  /** Verifies that the event was rejected, for any reason. */
  public FireResultAssert isRejected() {
    isNotNull();
    if (actual.isAccepted()) {
      failWithMessage("Expected the event to be rejected but it was accepted: %s", actual);
    }
    return this;
  }

  /** Verifies that the event was rejected, of the given kind. */
  public FireResultAssert isRejectedWith(RejectionKind kind) {
    isRejected();
    FireResult.Rejected rejected = (FireResult.Rejected) actual;
    if (rejected.kind() != kind) {
      failWithMessage("Expected a %s rejection but it was %s: %s", kind, rejected.kind(), rejected.reasons());
    }
    return this;
  }

  /** Verifies that the event was rejected with at least one reason containing {@code text}. */
  public FireResultAssert hasReasonContaining(String text) {
    isRejected();
    FireResult.Rejected rejected = (FireResult.Rejected) actual;
    if (rejected.reasons().stream().noneMatch(r -> r.contains(text))) {
      failWithMessage("Expected a rejection reason containing '%s' but the reasons were %s", text,
          rejected.reasons());
    }
    return this;
  }

  /** Returns assertions on the deal the result carries. */
  public DealAssert deal() {
    isNotNull();
    return DealAssert.assertThat(actual.deal());
  }
}
