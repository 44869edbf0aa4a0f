/**
 * Ready-made transition guards for the rules sales processes live by, each denying with reasons a rep can act on:
 * BANT qualification policies, follow-up thresholds and cadence, open objections, contact channels and required
 * fields. Start from {@link io.salesflow.guard.SalesGuards}.
 */
@NullMarked
package io.salesflow.guard;

import org.jspecify.annotations.NullMarked;
