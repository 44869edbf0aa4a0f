/**
 * The engine on Spring Statemachine: the same processes as the table engine, with the same results, run on Spring
 * Statemachine 4.0.x.
 *
 * <p>Start with {@link io.salesflow.spring.SpringStatemachineCompiler#springStatemachineEngine()} for a
 * {@link io.salesflow.engine.DealEngine}, as with {@link io.salesflow.engine.DealEngine#tableEngine()}, or keep a
 * compiler from {@link io.salesflow.spring.SpringStatemachineCompiler#create(int)} to reach each process's compiled
 * {@link org.springframework.statemachine.config.StateMachineFactory} and its machine pool through
 * {@link io.salesflow.spring.SpringCompiledProcess}. These two are the module's only public types. Spring
 * Statemachine types appear in this module's API only; the model, the catalog and the testkit never see them.
 */
@NullMarked
package io.salesflow.spring;

import org.jspecify.annotations.NullMarked;
