package io.salesflow.catalog;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts more business from an existing customer: an upsell, a cross-sell, a renewal or a repeat order, as a new
 * deal linked to the customer's deal both ways. “8 Key Stages that the Best Sales Process Covers” (SmartWinnr)
 * follows paying customers up "to up-sell and generate repeat business"; “7-step sales process” (Lucidchart) notes
 * that keeping a customer costs six to seven times less than winning a new one.
 *
 * <pre>{@code
 * Deal upsell = Expansions.start(engine, "D-42", SalesEvent.LeadSource.UPSELL, "D-42-upsell");
 * // upsell.facts().parentDealId() is "D-42", its lead source upsell, its stage the process's expansion entry stage;
 * // D-42's history records expansion-started, and its facts().expansions() names "D-42-upsell"
 * List<Deal> all = Expansions.of(engine, "D-42");
 * }</pre>
 *
 * <p>The customer's deal must be won and still able to record the expansion: in a post-sale stage that accepts
 * {@code expansion-started}, as every post-sale stage of the catalog does. A deal in a terminal won stage keeps its
 * history as it is, so an expansion is started while the account is in its post-sale stages.
 *
 * @since 0.1
 */
public final class Expansions {
  private Expansions() {}

  /**
   * Starts an expansion deal in the customer's own process, at its {@link SalesCatalog#expansionEntryStage entry
   * stage}.
   *
   * @param engine the engine that runs the customer's deal
   * @param parentDealId the customer's won deal
   * @param kind upsell, cross-sell, renewal or repeat
   * @param newDealId the id of the expansion deal
   * @return the new deal, with its {@link DealFacts#leadSource() lead source} {@code kind} and its
   *     {@link DealFacts#parentDealId() parent} the customer's deal
   * @throws IllegalArgumentException if {@code kind} is not an expansion
   * @throws IllegalStateException if the customer's deal is not won, or its stage did not record the expansion; the
   *     message says why, and nothing is started
   * @throws DuplicateDealException if {@code newDealId} is taken; nothing is recorded then
   */
  public static Deal start(DealEngine engine, String parentDealId, LeadSource kind, String newDealId) {
    Objects.requireNonNull(engine, "engine must not be null");
    return start(engine, parentDealId, kind, engine.get(parentDealId).processId(), newDealId);
  }

  /**
   * Starts an expansion deal in the process named, at its {@link SalesCatalog#expansionEntryStage entry stage}.
   *
   * @param engine the engine that runs the customer's deal and {@code processId}
   * @param parentDealId the customer's won deal
   * @param kind upsell, cross-sell, renewal or repeat
   * @param processId the process the expansion deal is worked in
   * @param newDealId the id of the expansion deal
   * @return the new deal
   * @throws IllegalArgumentException if {@code kind} is not an expansion
   * @throws io.salesflow.UnknownProcessException if the engine does not run {@code processId}
   * @throws IllegalStateException if the customer's deal is not won, or its stage did not record the expansion
   * @throws DuplicateDealException if {@code newDealId} is taken
   */
  public static Deal start(DealEngine engine, String parentDealId, LeadSource kind, String processId,
      String newDealId) {
    Objects.requireNonNull(engine, "engine must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(newDealId, "newDealId must not be null");
    SalesProcess process = engine.process(processId);
    String entry = SalesCatalog.expansionEntryStage(process, kind); // refuses a kind that is no expansion
    Deal parent = engine.get(parentDealId);
    SalesProcess parentProcess = engine.process(parent.processId());
    var stage = parentProcess.stage(parent.stage());
    if (!stage.kind().isWon()) {
      throw new IllegalStateException("deal '" + parentDealId + "' is in stage '" + parent.stage() + "', which is"
          + " not won yet; start a " + kind.label() + " from a customer's won deal");
    }
    if (stage.isTerminal()) {
      throw new IllegalStateException("deal '" + parentDealId + "' is in terminal stage '" + parent.stage()
          + "', whose history records nothing more; start a " + kind.label() + " while the account is in a"
          + " post-sale stage, or start a new deal with lead source '" + kind.label() + "'");
    }
    if (engine.find(newDealId).isPresent()) {
      throw new DuplicateDealException(newDealId, processId);
    }
    FireResult recorded = engine.fire(parentDealId, new SalesEvent.ExpansionStarted(engine.clock().instant(), kind,
        newDealId));
    if (recorded instanceof FireResult.Rejected rejected) {
      throw new IllegalStateException("cannot start a " + kind.label() + " from " + rejected.message());
    }
    DealFacts facts = DealFacts.builder().leadSource(kind).parentDealId(parentDealId).build();
    return engine.start(newDealId, processId, facts, entry);
  }

  /**
   * Returns the expansion deals started from a customer's deal, in the order they were started, as its facts name
   * them; one its engine no longer finds is left out.
   *
   * @param engine the engine that runs the deals
   * @param parentDealId the customer's deal
   * @return the expansion deals
   * @throws io.salesflow.UnknownDealException if there is no deal {@code parentDealId}
   */
  public static List<Deal> of(DealEngine engine, String parentDealId) {
    Objects.requireNonNull(engine, "engine must not be null");
    List<Deal> deals = new ArrayList<>();
    for (DealFacts.Expansion expansion : engine.get(parentDealId).facts().expansions()) {
      engine.find(expansion.dealId()).ifPresent(deals::add);
    }
    return List.copyOf(deals);
  }
}
