package io.salesflow;

import java.time.Instant;

/**
 * An objection a prospect raised and that is not resolved yet.
 *
 * @param category what the objection is about
 * @param detail the prospect's point, in a few words; may be empty
 * @param raisedAt when it was raised
 * @since 0.1
 */
public record Objection(ObjectionCategory category, String detail, Instant raisedAt) {
  public Objection {
    Checks.notNull(category, "category");
    Checks.notNull(detail, "detail");
    Checks.notNull(raisedAt, "raisedAt");
  }
}
