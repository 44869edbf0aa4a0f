package io.salesflow;

import java.time.Instant;

/**
 * One follow-up with a prospect.
 *
 * @param at when it happened
 * @param channel how the prospect was reached
 * @param outcome what came of it
 * @since 0.1
 */
public record FollowUp(Instant at, ContactChannel channel, FollowUpOutcome outcome) {
  public FollowUp {
    Checks.notNull(at, "at");
    Checks.notNull(channel, "channel");
    Checks.notNull(outcome, "outcome");
  }
}
