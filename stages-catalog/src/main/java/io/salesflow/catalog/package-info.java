/**
 * The documented sales processes as ready-made, validated {@link io.salesflow.SalesProcess} definitions.
 *
 * <p>Start with {@link io.salesflow.catalog.SalesCatalog}: one accessor per process, a lookup by id and the list of
 * all of them. {@link io.salesflow.catalog.CatalogStages} names every stage id and
 * {@link io.salesflow.catalog.CatalogEvents} the custom event types the processes use beyond the built-in ones;
 * {@link io.salesflow.catalog.Referrals} starts a referred lead past the first steps of its process.
 *
 * <pre>{@code
 * DealEngine engine = DealEngine.tableEngine().processes(SalesCatalog.all()).build();
 * engine.start("D-42", SalesCatalog.EIGHT_STEP);
 * }</pre>
 *
 * <p>Every process is built with the public {@link io.salesflow.SalesProcess#builder(String) builder} only, so
 * {@link io.salesflow.SalesProcess#toBuilder()} turns any of them into a starting point for a custom process.
 */
@NullMarked
package io.salesflow.catalog;

import org.jspecify.annotations.NullMarked;
