/**
 * The vocabulary of a sales process: {@link io.salesflow.Stage stages}, {@link io.salesflow.SalesEvent events},
 * {@link io.salesflow.TransitionGuard transition guards}, {@link io.salesflow.SalesProcess process definitions}
 * and {@link io.salesflow.Deal deals}.
 *
 * <p>Everything here is an immutable value and free of any state machine framework. A process is defined once with
 * {@link io.salesflow.SalesProcess#builder(String)}, validated when built, and run by a
 * {@link io.salesflow.engine.DealEngine}. Nothing in this package accepts {@code null}; absent values are
 * {@link java.util.Optional}.
 */
@NullMarked
package io.salesflow;

import org.jspecify.annotations.NullMarked;
