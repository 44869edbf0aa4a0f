/**
 * Running deals through processes: the {@link io.salesflow.engine.DealEngine} API, its results and listeners, and the
 * {@link io.salesflow.store.DealStore} SPI with its in-memory default.
 *
 * <p>Start with {@link io.salesflow.engine.DealEngine#tableEngine()}; the {@code salesflow-spring-statemachine}
 * module builds the same {@link io.salesflow.engine.DealEngine} on Spring Statemachine.
 */
@NullMarked
package io.salesflow.engine;

import org.jspecify.annotations.NullMarked;
