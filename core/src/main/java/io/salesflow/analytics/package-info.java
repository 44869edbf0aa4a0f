/**
 * What a sales team asks of its pipeline: a {@link io.salesflow.analytics.FunnelReport funnel report} per stage
 * (entered, advanced, lost, still there, conversion, time in stage, stalled), win rate and cycle time, which
 * approaches, closing techniques and lead temperatures convert best, and the deals that are
 * {@link io.salesflow.analytics.FunnelReport#stalled stalled} at a given instant (overdue follow-ups:
 * {@link io.salesflow.guard.FollowUpCadence#overdue(io.salesflow.SalesProcess, java.util.Collection, java.time.Instant)}).
 *
 * <p>Everything is computed from deal snapshots and their histories, so it works the same on deals read from any
 * store.
 */
@NullMarked
package io.salesflow.analytics;

import org.jspecify.annotations.NullMarked;
