/**
 * The engine SPI: how an engine implementation decides one step. Implement
 * {@link io.salesflow.engine.spi.ProcessCompiler} and pass it to
 * {@link io.salesflow.engine.DealEngine#builder(ProcessCompiler)}; the shared runtime does the rest (loading and
 * storing deals, history, versions, retries, listeners, logging), so every engine behaves the same around its
 * decisions.
 */
@NullMarked
package io.salesflow.engine.spi;

import org.jspecify.annotations.NullMarked;
