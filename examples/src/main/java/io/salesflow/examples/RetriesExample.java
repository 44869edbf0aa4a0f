package io.salesflow.examples;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import java.util.UUID;

/**
 * Retrying a start, an event, an override and a change of owner safely: one idempotency key per intended change, sent
 * again on every retry.
 */
public final class RetriesExample {
  private RetriesExample() {}

  /**
   * Starts a deal and logs first contact, each under its own key, and retries both as a client whose answers got
   * lost would: the deal is started once and the event applied once.
   *
   * @param engine an engine that runs {@code process}
   * @param process the id of a process whose initial stage accepts {@code contact-made}
   * @return the deal after both calls and both retries
   */
  public static Deal startAndContactTwice(DealEngine engine, String process) {
    // tag::retries[]
    String startKey = UUID.randomUUID().toString(); // made once per intended change, kept across retries
    Deal deal = engine.start(DealEngine.Start.of("D-42", process).idempotencyKey(startKey));
    Deal retriedStart = engine.start(DealEngine.Start.of("D-42", process).idempotencyKey(startKey));
    // retriedStart equals deal: nothing was written twice

    String eventKey = UUID.randomUUID().toString();
    SalesEvent contact = new SalesEvent.ContactMade(Instant.now(), ContactChannel.PHONE);
    FireResult first = engine.fire("D-42", contact, DealEngine.Fire.options().idempotencyKey(eventKey));
    FireResult retried = engine.fire("D-42", contact, DealEngine.Fire.options().idempotencyKey(eventKey));
    // retried equals first: the first answer again, the event applied once
    // end::retries[]
    if (!retriedStart.equals(deal) || !retried.equals(first)) {
      throw new IllegalStateException("a retry changed the outcome: " + first + " then " + retried);
    }
    return engine.get("D-42");
  }
  /**
   * Moves deal {@code D-42} past the rules and gives it a new owner, each under its own key, and retries both as a
   * client whose answers got lost would: each change is recorded once, and neither retry fails because the deal is in
   * the stage, or has the owner, already.
   *
   * @param engine an engine that runs the deal's process, in which {@code D-42} is stored outside stage
   *     {@code presentation} and not owned by {@code rep-bob}
   * @return the deal after both calls and both retries
   */
  public static Deal overrideAndAssignTwice(DealEngine engine) {
    // tag::retries-admin[]
    String overrideKey = UUID.randomUUID().toString(); // one key per intended change, as for fire
    DealEngine.Fire byManager = DealEngine.Fire.by("manager-max").idempotencyKey(overrideKey);
    FireResult moved = engine.override("D-42", byManager, "presentation", "qualified on the phone");
    FireResult movedAgain = engine.override("D-42", byManager, "presentation", "qualified on the phone");
    // movedAgain equals moved: recorded once, and no "in stage 'presentation' already" error

    DealEngine.Fire reassign = DealEngine.Fire.by("manager-max").idempotencyKey(UUID.randomUUID().toString());
    FireResult assigned = engine.assignOwner("D-42", reassign, "rep-bob");
    FireResult assignedAgain = engine.assignOwner("D-42", reassign, "rep-bob");
    // assignedAgain equals assigned: one change of owner in the history
    // end::retries-admin[]
    if (!movedAgain.equals(moved) || !assignedAgain.equals(assigned)) {
      throw new IllegalStateException("a retry changed the outcome: " + moved + " then " + movedAgain + "; "
          + assigned + " then " + assignedAgain);
    }
    return engine.get("D-42");
  }
}
