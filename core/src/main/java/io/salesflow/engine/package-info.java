/**
 * Running deals through processes: the {@link io.salesflow.engine.DealEngine} API, its
 * {@link io.salesflow.engine.FireResult results} and listeners, and the engine SPI
 * ({@link io.salesflow.engine.ProcessCompiler}, {@link io.salesflow.engine.CompiledProcess} and its
 * {@link io.salesflow.engine.CompiledProcess.Decision decisions}, which hold the reference semantics every engine
 * matches).
 *
 * <p>Start with {@link io.salesflow.engine.DealEngine#tableEngine()}; the {@code salesflow-spring-statemachine}
 * module builds the same {@link io.salesflow.engine.DealEngine} on Spring Statemachine. Deals are kept in a
 * {@link io.salesflow.store.DealStore}.
 */
@NullMarked
package io.salesflow.engine;

import org.jspecify.annotations.NullMarked;
