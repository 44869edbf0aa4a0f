package io.salesflow.examples;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import java.util.UUID;

/** Retrying a start and an event safely: one idempotency key per intended change, sent again on every retry. */
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
    FireResult first = engine.fire("D-42", contact, eventKey);
    FireResult retried = engine.fire("D-42", contact, eventKey); // the first answer again, applied once
    // end::retries[]
    if (!retriedStart.equals(deal) || !retried.equals(first)) {
      throw new IllegalStateException("a retry changed the outcome: " + first + " then " + retried);
    }
    return engine.get("D-42");
  }
}
