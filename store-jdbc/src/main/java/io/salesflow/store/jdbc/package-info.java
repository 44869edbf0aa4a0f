/**
 * A durable {@link io.salesflow.store.DealStore} on JDBC: {@link io.salesflow.store.jdbc.JdbcDealStore}.
 *
 * <p>H2 in a file is the embedded choice ({@link io.salesflow.store.jdbc.JdbcDealStore#h2File(java.nio.file.Path)},
 * crash-safe); PostgreSQL is the choice for several application nodes sharing their deals. The schema is created and
 * migrated by Flyway from SQL shipped in this jar. The API is {@link io.salesflow.store.jdbc.JdbcDealStore} with its
 * builder and its {@link io.salesflow.store.jdbc.JdbcDealStore.ConnectionProvider connection hook}, and
 * {@link io.salesflow.store.jdbc.JdbcStoreException}; everything else is package-private, the JSON documents included,
 * which are written and read with {@code salesflow-jackson2}.
 *
 * @since 0.1
 */
@NullMarked
package io.salesflow.store.jdbc;

import org.jspecify.annotations.NullMarked;
