/**
 * The vocabulary of a sales process: {@link io.salesflow.Stage stages}, {@link io.salesflow.SalesEvent events},
 * {@link io.salesflow.TransitionGuard transition guards}, {@link io.salesflow.SalesProcess process definitions}
 * and {@link io.salesflow.Deal deals}.
 *
 * <p>Everything here is an immutable value and free of any state machine framework. A process is defined once with
 * {@link io.salesflow.SalesProcess#builder(String)}, validated when built, and run by a
 * {@link io.salesflow.engine.DealEngine}. Nothing in this package accepts {@code null}; absent values are
 * {@link java.util.Optional}.
 *
 * <h2>Limits</h2>
 *
 * <p>Every value is checked where it enters (a constructor, a builder, a guard factory, an engine's {@code start})
 * against the limits that {@link io.salesflow.Deal.Limits} lists in one table: ids of at most 255 characters with no
 * control or invisible character, amounts of at most 18 digits before the decimal point and 6 after it, counts from 0
 * to 1,000,000, times in the years 1 to 9999, at most 100 custom attributes with values of at most 4,096 characters,
 * and guard parameters in their meaningful range. A value outside them is refused with an exception that names the
 * field and the limit and quotes the value cut and escaped; nothing changes.
 * {@link io.salesflow.SalesEvent#occurredAt()} says how events logged late or ahead are treated.
 */
@NullMarked
package io.salesflow;

import org.jspecify.annotations.NullMarked;
