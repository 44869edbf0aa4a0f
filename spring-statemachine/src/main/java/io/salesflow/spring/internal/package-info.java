/**
 * How the Spring Statemachine engine works inside. Nothing here is API; it may change in any release.
 *
 * <ul>
 *   <li>{@link io.salesflow.spring.internal.SsmModel} compiles a process into a {@code StateMachineFactory}: stages
 *       are plain states (won and lost included: no end states, see upstream issue 966), events are event type ids,
 *       and each (stage, event) pair is exactly one Spring Statemachine transition, so Spring's own order among
 *       transitions with the same trigger never matters.
 *   <li>{@link io.salesflow.spring.internal.Attempt} travels in the message header of each event: guards record their
 *       verdicts in it and the action of the transition taken records which one fired.
 *   <li>{@link io.salesflow.spring.internal.MachinePool} holds a bounded number of started machines;
 *       {@link io.salesflow.spring.internal.PooledProcess} resets one to the deal's stage per event, sends the event
 *       and reads the decision back.
 * </ul>
 */
@NullMarked
package io.salesflow.spring.internal;

import org.jspecify.annotations.NullMarked;
