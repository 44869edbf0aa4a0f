package io.salesflow.catalog;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.util.Objects;

/**
 * Starts referred leads past the first steps of their process, as “The 7 Stages of the Sales Process” describes: a
 * referral lets the seller "skip some of the initial steps".
 *
 * <pre>{@code
 * Deal lead = Referrals.startReferredLead(engine, "D-42", "D-43",
 *     new SalesEvent.ReferralReceived(now, "Acme Ltd"));
 * // lead.stage() is SalesCatalog.referralEntryStage(process), lead.facts().source() is "Acme Ltd"
 * }</pre>
 *
 * <p>A referred lead starts in {@link SalesCatalog#referralEntryStage(SalesProcess)} with the referral's source
 * recorded and a {@link LeadTemperature#WARM warm} temperature, because a recommended lead already knows of the
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
   * @param referringDealId the deal of the customer who gave the referral; its stage must accept
   *     {@code referral-received} (the post-sale stage that asks for referrals)
   * @param newDealId the id of the referred lead's deal
   * @return the referred lead's new deal
   * @throws IllegalStateException if the referring deal rejected the referral; the message gives the reasons, and
   *     no lead is started
   * @throws DuplicateDealException if {@code newDealId} is taken; the referral is then not recorded either
   */
  public static Deal startReferredLead(DealEngine engine, String referringDealId, String newDealId,
      SalesEvent.ReferralReceived referral) {
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
    return startReferredLead(engine, newDealId, referring.processId(), referral.source());
  }

  /**
   * Starts a referred lead in a process of the engine, at the process's referral entry stage.
   *
   * @param source who referred the lead; it becomes the deal's {@link DealFacts#source() source}
   * @return the referred lead's new deal
   * @throws io.salesflow.UnknownProcessException if the engine does not run {@code processId}
   * @throws DuplicateDealException if {@code newDealId} is taken
   * @throws IllegalArgumentException if {@code source} is blank
   */
  public static Deal startReferredLead(DealEngine engine, String newDealId, String processId, String source) {
    Objects.requireNonNull(engine, "engine must not be null");
    Objects.requireNonNull(source, "source must not be null");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank, but was '" + source + "'");
    }
    SalesProcess process = engine.process(processId);
    DealFacts facts = DealFacts.builder().source(source).leadTemperature(LeadTemperature.WARM).build();
    return engine.start(newDealId, processId, facts, SalesCatalog.referralEntryStage(process));
  }
}
