/**
 * Where deals live between events: the {@link io.salesflow.store.DealStore} SPI, with optimistic concurrency on each
 * deal's version, and its in-memory default, {@link io.salesflow.store.DealStore#inMemory()}.
 *
 * <p>{@code salesflow-store-jdbc} implements it on H2 and PostgreSQL; {@code DealStoreContract} in
 * {@code salesflow-testkit} checks any implementation, yours included.
 */
@NullMarked
package io.salesflow.store;

import org.jspecify.annotations.NullMarked;
