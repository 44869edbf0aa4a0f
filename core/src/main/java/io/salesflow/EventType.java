package io.salesflow;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The type of a {@link SalesEvent}: what transitions are keyed on.
 *
 * <p>The built-in types have typed payloads (see the records in {@link SalesEvent}); a custom process may add its
 * own with {@link #custom(String)} and fire them as {@link SalesEvent.Custom}. Types are equal when their ids are.
 *
 * @param id the stable id in lower-case kebab-case, for example {@code "closed-won"}
 * @since 0.1
 */
public record EventType(String id) {
  /** A contact with the prospect was made ({@link SalesEvent.ContactMade}). */
  public static final EventType CONTACT_MADE = new EventType("contact-made");
  /** The lead's temperature was assessed ({@link SalesEvent.LeadScored}). */
  public static final EventType LEAD_SCORED = new EventType("lead-scored");
  /** A BANT qualification was assessed ({@link SalesEvent.QualificationAssessed}). */
  public static final EventType QUALIFICATION_ASSESSED = new EventType("qualification-assessed");
  /** The prospect is not a fit ({@link SalesEvent.Disqualified}). */
  public static final EventType DISQUALIFIED = new EventType("disqualified");
  /** A presentation or demo was delivered ({@link SalesEvent.PresentationDelivered}). */
  public static final EventType PRESENTATION_DELIVERED = new EventType("presentation-delivered");
  /** The prospect raised an objection ({@link SalesEvent.ObjectionRaised}). */
  public static final EventType OBJECTION_RAISED = new EventType("objection-raised");
  /** An objection was answered ({@link SalesEvent.ObjectionResolved}). */
  public static final EventType OBJECTION_RESOLVED = new EventType("objection-resolved");
  /** A proposal was sent ({@link SalesEvent.ProposalSent}). */
  public static final EventType PROPOSAL_SENT = new EventType("proposal-sent");
  /** Terms were negotiated ({@link SalesEvent.TermsNegotiated}). */
  public static final EventType TERMS_NEGOTIATED = new EventType("terms-negotiated");
  /** The contract was signed ({@link SalesEvent.ContractSigned}). */
  public static final EventType CONTRACT_SIGNED = new EventType("contract-signed");
  /** The deal was won ({@link SalesEvent.ClosedWon}). */
  public static final EventType CLOSED_WON = new EventType("closed-won");
  /** The deal was lost ({@link SalesEvent.ClosedLost}). */
  public static final EventType CLOSED_LOST = new EventType("closed-lost");
  /** A follow-up was made ({@link SalesEvent.FollowUpLogged}). */
  public static final EventType FOLLOW_UP_LOGGED = new EventType("follow-up-logged");
  /** The customer referred someone ({@link SalesEvent.ReferralReceived}). */
  public static final EventType REFERRAL_RECEIVED = new EventType("referral-received");
  /** The customer was onboarded ({@link SalesEvent.OnboardingDone}). */
  public static final EventType ONBOARDING_DONE = new EventType("onboarding-done");
  /** The rep's forecast of the deal was updated ({@link SalesEvent.ForecastUpdated}). */
  public static final EventType FORECAST_UPDATED = new EventType("forecast-updated");
  /** A stakeholder on the buying side was engaged ({@link SalesEvent.StakeholderEngaged}). */
  public static final EventType STAKEHOLDER_ENGAGED = new EventType("stakeholder-engaged");
  /** An upsell, cross-sell, renewal or repeat deal was started from this one ({@link SalesEvent.ExpansionStarted}). */
  public static final EventType EXPANSION_STARTED = new EventType("expansion-started");
  /** A MEDDIC, MEDDPICC or CHAMP scorecard was assessed ({@link SalesEvent.QualificationScored}). */
  public static final EventType QUALIFICATION_SCORED = new EventType("qualification-scored");
  /**
   * Administrative: someone moved the deal past the process's rules ({@link SalesEvent.StageOverridden}); recorded by
   * {@code DealEngine.override}, never fired.
   */
  public static final EventType STAGE_OVERRIDDEN = new EventType("stage-overridden");
  /**
   * Administrative: the deal was moved to the next version of its process ({@link SalesEvent.DealMigrated}); recorded
   * by {@code DealEngine.migrate}, never fired.
   */
  public static final EventType DEAL_MIGRATED = new EventType("deal-migrated");
  /**
   * Administrative: the deal got a new owner ({@link SalesEvent.OwnerAssigned}); recorded by
   * {@code DealEngine.assignOwner}, never fired.
   */
  public static final EventType OWNER_ASSIGNED = new EventType("owner-assigned");

  /**
   * Creates an event type.
   *
   * @param id the stable id in lower-case kebab-case: letters, digits and single dashes
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} is not lower-case kebab-case
   */
  public EventType {
    Checks.kebabId(id, "event type id");
  }

  /**
   * Returns a custom event type for a custom process.
   *
   * @param id lower-case kebab-case, and not the id of a built-in type
   * @return the type, equal to every other type with that id
   * @throws IllegalArgumentException if {@code id} is not kebab-case or names a built-in type
   */
  public static EventType custom(String id) {
    EventType type = new EventType(id);
    if (type.isBuiltIn()) {
      throw new IllegalArgumentException(
          "'" + id + "' is a built-in event type; use EventType." + id.toUpperCase().replace('-', '_')
              + " and its typed event instead of a custom one");
    }
    return type;
  }

  /** {@return the built-in types, in the order {@link SalesEvent} declares their records; unmodifiable} */
  public static Set<EventType> builtIn() {
    Set<EventType> types = new LinkedHashSet<>();
    for (BuiltInEvent event : BuiltInEvent.values()) {
      types.add(event.type);
    }
    return Collections.unmodifiableSet(types);
  }

  /** {@return whether this is one of the built-in types with a typed payload} */
  public boolean isBuiltIn() {
    return BuiltInEvent.of(this) != null;
  }

  /**
   * Returns whether events of this type are administrative: recorded by the engine for an override, a migration or a
   * change of owner, never fired. No process may have a transition on one, so firing one is rejected as an event
   * type the process does not know.
   *
   * @return whether this is {@link #STAGE_OVERRIDDEN}, {@link #DEAL_MIGRATED} or {@link #OWNER_ASSIGNED}
   * @since 0.1
   */
  public boolean isAdministrative() {
    BuiltInEvent builtIn = BuiltInEvent.of(this);
    return builtIn != null && builtIn.administrative;
  }

  /**
   * Returns the record class of a built-in type's events, for example {@code SalesEvent.ClosedWon.class} for
   * {@link #CLOSED_WON}. Serialisers read an event's payload from the record's components.
   *
   * @return the record class, or empty for a custom type, whose events are {@link SalesEvent.Custom}
   */
  public Optional<Class<? extends SalesEvent>> eventClass() {
    BuiltInEvent builtIn = BuiltInEvent.of(this);
    return builtIn == null ? Optional.empty() : Optional.of(builtIn.recordClass);
  }

  // equals and hashCode as a record's, written out: engines look event types up on every event, the generated
  // record methods go through a method handle, and equals is kept under the JIT's inlining limit of 35 bytes

  @Override
  public boolean equals(Object other) {
    return other instanceof EventType that && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
