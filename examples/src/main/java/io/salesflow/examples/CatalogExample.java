package io.salesflow.examples;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;

/** Starting a deal on a ready-made catalog process. */
public final class CatalogExample {
  private CatalogExample() {}

  /** Starts a deal on the eight-step process and returns the engine. */
  public static DealEngine startOnTheEightStepProcess() {
    // tag::catalog[]
    DealEngine engine = DealEngine.tableEngine().processes(SalesCatalog.all()).build();
    Deal deal = engine.start("D-42", SalesCatalog.EIGHT_STEP);
    // end::catalog[]
    System.out.println("started " + deal);
    return engine;
  }

  /** Prints the eight-step process's first move and what blocks the deal next. */
  public static void main(String[] args) {
    DealEngine engine = startOnTheEightStepProcess();
    FireResult result = engine.fire("D-42", new SalesEvent.ContactMade(Instant.now(), ContactChannel.PHONE,
        ApproachMethod.QUESTION));
    System.out.println(result);
    engine.explain("D-42").forEach(option -> System.out.println("  " + option));
  }
}
