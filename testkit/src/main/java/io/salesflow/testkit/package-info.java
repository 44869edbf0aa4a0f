/**
 * Model-based property testing for sales processes and engines, on plain JUnit 5.
 *
 * <p>Start with {@link io.salesflow.testkit.ProcessProperties}: one call runs seeded random event walks on any
 * {@link io.salesflow.SalesProcess}, compares the engine's answer to every event with the definition's own decision
 * and checks every invariant after every step, shrinks a failing walk and prints the seed that replays it and a
 * JUnit test to keep it ({@link io.salesflow.testkit.WalkFailure}), and reports what the walks covered
 * ({@link io.salesflow.testkit.Coverage}). Processes of the stages catalog, when it is on the class path, get
 * payloads that meet its guards. The pieces are usable on their own:
 * <ul>
 *   <li>{@link io.salesflow.testkit.EventGenerator}: events with realistic payloads, random walks and deals in
 *       random reachable states, from any {@link java.util.random.RandomGenerator}, so other property-testing
 *       libraries can drive them;</li>
 *   <li>{@link io.salesflow.testkit.ProcessPaths}: bounded exhaustive paths, as JUnit 5 dynamic tests;</li>
 *   <li>{@link io.salesflow.testkit.ProcessInvariants}: the per-step invariants;</li>
 *   <li>{@link io.salesflow.testkit.DealAssert} and {@link io.salesflow.testkit.FireResultAssert}: AssertJ
 *       assertions;</li>
 *   <li>{@link io.salesflow.testkit.ManualClock}: a clock you set and advance by hand, to give an engine the time
 *       of each event;</li>
 *   <li>{@link io.salesflow.testkit.DealEngineContract}: the contract every {@link io.salesflow.engine.DealEngine}
 *       passes; an engine module extends it and implements one method;</li>
 *   <li>{@link io.salesflow.testkit.DealStoreContract}: the contract every {@link io.salesflow.store.DealStore}
 *       passes; a store module extends it and implements one method.</li>
 * </ul>
 * Engines are plugged in through {@link io.salesflow.testkit.EngineFactory}.
 */
@NullMarked
package io.salesflow.testkit;

import org.jspecify.annotations.NullMarked;
