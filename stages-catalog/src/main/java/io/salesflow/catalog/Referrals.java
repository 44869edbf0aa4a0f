package io.salesflow.catalog;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.util.Objects;

/**
 * Starts referred leads past the first steps of their process, as “The 7 Stages of the Sales Process” describes: a
 * referral lets the seller "skip some of the initial steps".
 *
 * <p>Two entry points, one per place the referral comes from; each names what its arguments are, and in both the
 * referred lead's new deal id comes last:
 * <ul>
 *   <li>{@link #startLeadReferredByDeal} when a customer whose deal the engine runs gave the referral: it records the
 *       referral on that deal, then starts the lead in the same process;</li>
 *   <li>{@link #startLeadReferredFromOutside} when the referral came from elsewhere (a partner, a fair): it starts
 *       the lead in the process you name, with the referrer as its source.</li>
 * </ul>
 *
 * <pre>{@code
 * Deal lead = Referrals.startLeadReferredByDeal(engine, "D-42", new SalesEvent.ReferralReceived(now, "Acme Ltd"),
 *     "D-43");
 * // lead.stage() is SalesCatalog.referralEntryStage(process), lead.facts().source() is "Acme Ltd"
 *
 * Deal other = Referrals.startLeadReferredFromOutside(engine, SalesCatalog.EIGHT_STEP, "Partner fair", "D-44");
 * }</pre>
 *
 * <p>A referred lead starts in {@link SalesCatalog#referralEntryStage(SalesProcess)} with the referral's source
 * recorded, its {@link DealFacts#leadSource() lead source} {@link SalesEvent.LeadSource#REFERRAL referral}, and a
 * {@link LeadTemperature#WARM warm} temperature, because a recommended lead already knows of the
 * seller (“What Are the 5 Steps of the Sales Process?” counts referred leads as warm; “The 7 Stages of the Sales
 * Process” notes that people buy more readily what was recommended to them).
 *
 * @since 0.1
 */
public final class Referrals {
  private Referrals() {}

  /**
   * Records a referral on the referring customer's deal and starts the referred lead in the same process.
   *
   * @param engine the engine that runs the referring deal
   * @param referringDealId the deal of the customer who gave the referral; its stage must accept
   *     {@code referral-received} (the post-sale stage that asks for referrals)
   * @param referral the referral, recorded on the referring deal; its source becomes the new deal's
   *     {@link DealFacts#source() source}
   * @param newDealId the id of the referred lead's deal
   * @return the referred lead's new deal
   * @throws IllegalStateException if the referring deal rejected the referral; the message gives the reasons, and
   *     no lead is started
   * @throws DuplicateDealException if {@code newDealId} is taken; the referral is then not recorded either
   */
  public static Deal startLeadReferredByDeal(DealEngine engine, String referringDealId,
      SalesEvent.ReferralReceived referral, String newDealId) {
    Objects.requireNonNull(engine, "engine must not be null");
    Objects.requireNonNull(referral, "referral must not be null");
    Deal referring = engine.get(referringDealId);
    if (engine.find(newDealId).isPresent()) {
      throw new DuplicateDealException(newDealId, referring.processId());
    }
    FireResult result = engine.fire(referringDealId, referral);
    if (result instanceof FireResult.Rejected rejected) {
      throw new IllegalStateException("cannot start a referred lead from " + rejected.message());
    }
    return start(engine, referring.processId(), referral.source(), newDealId);
  }

  /**
   * Starts a lead referred from outside the engine's deals in one of the engine's processes, at the process's
   * referral entry stage.
   *
   * @param engine the engine to start the lead on
   * @param processId the process the lead is worked in
   * @param source who referred the lead; it becomes the deal's {@link DealFacts#source() source}
   * @param newDealId the id of the referred lead's deal
   * @return the referred lead's new deal
   * @throws io.salesflow.UnknownProcessException if the engine does not run {@code processId}
   * @throws DuplicateDealException if {@code newDealId} is taken
   * @throws IllegalArgumentException if {@code source} is blank
   */
  public static Deal startLeadReferredFromOutside(DealEngine engine, String processId, String source,
      String newDealId) {
    Objects.requireNonNull(engine, "engine must not be null");
    Objects.requireNonNull(source, "source must not be null");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank, but was '" + source + "'");
    }
    return start(engine, processId, source, newDealId);
  }

  private static Deal start(DealEngine engine, String processId, String source, String newDealId) {
    SalesProcess process = engine.process(processId);
    DealFacts facts = DealFacts.builder().source(source).leadSource(SalesEvent.LeadSource.REFERRAL)
        .leadTemperature(LeadTemperature.WARM).build();
    return engine.start(newDealId, processId, facts, SalesCatalog.referralEntryStage(process));
  }
}
