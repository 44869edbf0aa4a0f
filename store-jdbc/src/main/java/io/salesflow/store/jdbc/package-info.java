/**
 * A durable {@link io.salesflow.store.DealStore} on JDBC: {@link io.salesflow.store.jdbc.JdbcDealStore}.
 *
 * <p>H2 (file or in-memory) is the embedded choice; PostgreSQL is the choice for several application nodes sharing
 * their deals. The schema is created and migrated by Flyway from SQL shipped in this jar. Everything else lives in
 * {@code io.salesflow.store.jdbc.internal} and is not part of the API.
 *
 * @since 0.1
 */
@NullMarked
package io.salesflow.store.jdbc;

import org.jspecify.annotations.NullMarked;
