package io.salesflow;

import io.salesflow.DealFacts.FollowUp;
import io.salesflow.DealFacts.Objection;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one table of built-in events: for each, its type, its record, how accepting it changes a deal's facts and the
 * neutral probe {@link SalesProcess#explain(Deal, Instant)} asks guards with. The compiler makes every constant say
 * all of it; {@code BuiltInEventTests} fails, naming the record, when a record of {@link SalesEvent} has no constant.
 * Everything else about an event (how stores and JSON write it, how the testkit generates it) is derived from its
 * record's components.
 */
enum BuiltInEvent {
  CONTACT_MADE(EventType.CONTACT_MADE, SalesEvent.ContactMade.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.ContactMade e = (SalesEvent.ContactMade) event;
      ChannelSet channels = facts.channels().with(e.channel()); // a shared set: nothing is allocated
      return facts.withChannelsAndProfile(channels,
          e.approach() == null ? facts.profile() : facts.profile().withApproachMethod(e.approach()));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ContactMade(now, usedChannel(facts));
    }
  },
  LEAD_SCORED(EventType.LEAD_SCORED, SalesEvent.LeadScored.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts.withProfile(facts.profile().withLeadTemperature(((SalesEvent.LeadScored) event).temperature()));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.LeadScored(now, facts.leadTemperature().orElse(LeadTemperature.COLD));
    }
  },
  QUALIFICATION_ASSESSED(EventType.QUALIFICATION_ASSESSED, SalesEvent.QualificationAssessed.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts.withBant(((SalesEvent.QualificationAssessed) event).assessment());
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.QualificationAssessed(now, facts.bant());
    }
  },
  DISQUALIFIED(EventType.DISQUALIFIED, SalesEvent.Disqualified.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts.withProfileAndMilestones(
          facts.profile().withDisqualificationReason(((SalesEvent.Disqualified) event).reason()),
          facts.milestones().withLoss(LossReason.NOT_A_FIT, null));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.Disqualified(now, "not a fit");
    }
  },
  PRESENTATION_DELIVERED(EventType.PRESENTATION_DELIVERED, SalesEvent.PresentationDelivered.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts.withPresentations(facts.presentations() + 1);
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.PresentationDelivered(now);
    }
  },
  OBJECTION_RAISED(EventType.OBJECTION_RAISED, SalesEvent.ObjectionRaised.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.ObjectionRaised e = (SalesEvent.ObjectionRaised) event;
      List<Objection> open = facts.openObjections();
      Objection raised = new Objection(e.category(), e.detail(), e.occurredAt());
      if (open.isEmpty()) { // the usual case: the one list the facts keep, nothing else
        return facts.withObjections(Collections.singletonList(raised), facts.resolvedObjections());
      }
      ArrayList<Objection> all = new ArrayList<>(open.size() + 1); // handed over to the facts, not copied again
      all.addAll(open);
      all.add(raised);
      return facts.withObjections(ImmutableDealFacts.handedOver(all), facts.resolvedObjections());
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ObjectionRaised(now, ObjectionCategory.OTHER);
    }
  },
  OBJECTION_RESOLVED(EventType.OBJECTION_RESOLVED, SalesEvent.ObjectionResolved.class) {
    /** Closes every open objection of the event's category; the same facts when none is open. */
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      ObjectionCategory category = ((SalesEvent.ObjectionResolved) event).category();
      List<Objection> open = facts.openObjections();
      int resolved = 0;
      for (int i = 0, n = open.size(); i < n; i++) {
        if (open.get(i).category() == category) {
          resolved++;
        }
      }
      if (resolved == 0) {
        return facts;
      }
      List<Objection> remaining = Collections.emptyList(); // resolving every open one, the usual case, copies none
      if (resolved < open.size()) {
        ArrayList<Objection> kept = new ArrayList<>(open.size() - resolved);
        for (Objection objection : open) {
          if (objection.category() != category) {
            kept.add(objection);
          }
        }
        remaining = ImmutableDealFacts.handedOver(kept);
      }
      return facts.withObjections(remaining, facts.resolvedObjections() + resolved); // one copy of the facts
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ObjectionResolved(now, facts.openObjections().isEmpty()
          ? ObjectionCategory.OTHER : facts.openObjections().get(0).category());
    }
  },
  PROPOSAL_SENT(EventType.PROPOSAL_SENT, SalesEvent.ProposalSent.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.ProposalSent e = (SalesEvent.ProposalSent) event;
      return facts.withMilestonesAndAmount(facts.milestones().withProposalSentAt(e.occurredAt()), e.amount());
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ProposalSent(now, null);
    }
  },
  TERMS_NEGOTIATED(EventType.TERMS_NEGOTIATED, SalesEvent.TermsNegotiated.class) {
    /** Keeps the terms, replacing earlier ones; terms that state nothing (no summary, discount or payment terms) none. */
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.TermsNegotiated e = (SalesEvent.TermsNegotiated) event;
      if (e.summary().isEmpty() && e.discountPercent() == null && e.paymentTerms() == null) {
        return facts;
      }
      return facts.withCommercial(facts.commercial().withTerms(new DealFacts.Terms(e.summary(), e.discountPercent(),
          e.paymentTerms(), e.occurredAt())));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return facts.negotiatedTerms().map(t -> new SalesEvent.TermsNegotiated(t.agreedAt(), t.summary(),
          t.discountPercent(), t.paymentTerms())).orElseGet(() -> new SalesEvent.TermsNegotiated(now, ""));
    }
  },
  CONTRACT_SIGNED(EventType.CONTRACT_SIGNED, SalesEvent.ContractSigned.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts.withMilestones(facts.milestones().withContractSignedAt(event.occurredAt()));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ContractSigned(now);
    }
  },
  CLOSED_WON(EventType.CLOSED_WON, SalesEvent.ClosedWon.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.ClosedWon e = (SalesEvent.ClosedWon) event;
      return facts.withMilestonesAndAmount(e.technique() == null
          ? facts.milestones() : facts.milestones().withClosingTechnique(e.technique()), e.amount());
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ClosedWon(now, facts.amount().orElse(BigDecimal.ZERO));
    }
  },
  CLOSED_LOST(EventType.CLOSED_LOST, SalesEvent.ClosedLost.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.ClosedLost e = (SalesEvent.ClosedLost) event;
      return facts.withMilestones(facts.milestones().withLoss(e.reason(), e.technique()));
    }

    /** A loss for no response: the strictest reason, the one follow-up thresholds apply to. */
    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ClosedLost(now, LossReason.NO_RESPONSE);
    }
  },
  FOLLOW_UP_LOGGED(EventType.FOLLOW_UP_LOGGED, SalesEvent.FollowUpLogged.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.FollowUpLogged e = (SalesEvent.FollowUpLogged) event;
      return facts.withChannelsAndFollowUps(facts.channels().with(e.channel()),
          facts.followUps().append(new FollowUp(e.occurredAt(), e.channel(), e.outcome())));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.FollowUpLogged(now, usedChannel(facts), FollowUpOutcome.RESPONDED);
    }
  },
  REFERRAL_RECEIVED(EventType.REFERRAL_RECEIVED, SalesEvent.ReferralReceived.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts.withReferralsGiven(facts.referralsGiven() + 1);
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ReferralReceived(now, "referral");
    }
  },
  ONBOARDING_DONE(EventType.ONBOARDING_DONE, SalesEvent.OnboardingDone.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts.withMilestones(facts.milestones().withOnboardedAt(event.occurredAt()));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.OnboardingDone(now);
    }
  },
  FORECAST_UPDATED(EventType.FORECAST_UPDATED, SalesEvent.ForecastUpdated.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.ForecastUpdated e = (SalesEvent.ForecastUpdated) event;
      DealFacts.Commercial commercial = facts.commercial();
      return facts.withCommercialAndAmount(commercial.withForecast(
          e.expectedClose() == null ? commercial.expectedClose() : e.expectedClose(), e.category()), e.amount());
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.ForecastUpdated(now, null, null, facts.forecastCategory().orElse(null));
    }
  },
  STAKEHOLDER_ENGAGED(EventType.STAKEHOLDER_ENGAGED, SalesEvent.StakeholderEngaged.class) {
    /** Adds the stakeholder, or gives one already there (same contact) the new role, keeping when it was engaged. */
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.StakeholderEngaged e = (SalesEvent.StakeholderEngaged) event;
      List<DealFacts.Stakeholder> stakeholders = new ArrayList<>(facts.stakeholders());
      for (int i = 0; i < stakeholders.size(); i++) {
        DealFacts.Stakeholder known = stakeholders.get(i);
        if (known.contact().equals(e.contact())) {
          if (known.role() == e.role()) {
            return facts;
          }
          stakeholders.set(i, new DealFacts.Stakeholder(known.contact(), e.role(), known.engagedAt()));
          return facts.withCommercial(facts.commercial().withStakeholders(List.copyOf(stakeholders)));
        }
      }
      if (stakeholders.size() >= Deal.Limits.MAX_ATTRIBUTES) {
        throw Checks.tooMany("stakeholders", stakeholders.size() + 1);
      }
      stakeholders.add(new DealFacts.Stakeholder(e.contact(), e.role(), e.occurredAt()));
      return facts.withCommercial(facts.commercial().withStakeholders(List.copyOf(stakeholders)));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return facts.stakeholders().stream().findFirst()
          .map(s -> new SalesEvent.StakeholderEngaged(now, s.contact(), s.role()))
          .orElseGet(() -> new SalesEvent.StakeholderEngaged(now, "unknown", SalesEvent.StakeholderRole.OTHER));
    }
  },
  EXPANSION_STARTED(EventType.EXPANSION_STARTED, SalesEvent.ExpansionStarted.class) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      SalesEvent.ExpansionStarted e = (SalesEvent.ExpansionStarted) event;
      List<DealFacts.Expansion> expansions = facts.expansions();
      for (DealFacts.Expansion known : expansions) {
        if (known.dealId().equals(e.dealId())) {
          return facts;
        }
      }
      if (expansions.size() >= Deal.Limits.MAX_ATTRIBUTES) {
        throw Checks.tooMany("expansions", expansions.size() + 1);
      }
      List<DealFacts.Expansion> next = new ArrayList<>(expansions);
      next.add(new DealFacts.Expansion(e.dealId(), e.kind(), e.occurredAt()));
      return facts.withCommercial(facts.commercial().withExpansions(List.copyOf(next)));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return facts.expansions().stream().findFirst()
          .map(x -> new SalesEvent.ExpansionStarted(now, x.kind(), x.dealId()))
          .orElseGet(() -> new SalesEvent.ExpansionStarted(now, SalesEvent.LeadSource.UPSELL, "unknown"));
    }
  },
  QUALIFICATION_SCORED(EventType.QUALIFICATION_SCORED, SalesEvent.QualificationScored.class) {
    /** Replaces the scorecard of the event's framework; an empty scorecard removes it, as nothing is known. */
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      DealFacts.Scorecard card = ((SalesEvent.QualificationScored) event).scorecard();
      List<DealFacts.Scorecard> cards = new ArrayList<>(facts.scorecards().size() + 1);
      for (DealFacts.Scorecard known : facts.scorecards()) {
        if (known.framework() != card.framework()) {
          cards.add(known);
        }
      }
      if (!card.findings().isEmpty()) {
        cards.add(card);
      }
      cards.sort(java.util.Comparator.comparing(DealFacts.Scorecard::framework));
      return cards.equals(facts.scorecards()) ? facts
          : facts.withCommercial(facts.commercial().withScorecards(List.copyOf(cards)));
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.QualificationScored(now, facts.scorecards().isEmpty()
          ? DealFacts.Scorecard.of(DealFacts.Scorecard.Framework.MEDDIC) : facts.scorecards().get(0));
    }
  },
  // the administrative events: the engine records them, no process fires on them, and they change no fact (a
  // migration's change of facts is the plan's, applied by the engine)
  STAGE_OVERRIDDEN(EventType.STAGE_OVERRIDDEN, SalesEvent.StageOverridden.class, true) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts;
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.StageOverridden(now, "probe", false);
    }
  },
  DEAL_MIGRATED(EventType.DEAL_MIGRATED, SalesEvent.DealMigrated.class, true) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts;
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.DealMigrated(now, 1, 2, "probe", List.of());
    }
  },
  OWNER_ASSIGNED(EventType.OWNER_ASSIGNED, SalesEvent.OwnerAssigned.class, true) {
    @Override
    DealFacts apply(ImmutableDealFacts facts, SalesEvent event) {
      return facts;
    }

    @Override
    SalesEvent probe(DealFacts facts, Instant now) {
      return new SalesEvent.OwnerAssigned(now, "probe", null);
    }
  };

  private static final HashMap<EventType, BuiltInEvent> BY_TYPE; // never changed after the class is initialised

  static {
    HashMap<EventType, BuiltInEvent> byType = new HashMap<>();
    for (BuiltInEvent event : values()) {
      byType.put(event.type, event);
    }
    BY_TYPE = byType; // a HashMap compares keys by identity first: built-in events carry these very constants
  }

  final EventType type;
  final Class<? extends SalesEvent> recordClass;
  /** Whether the engine records events of this type for an administrative change, and no process may fire them. */
  final boolean administrative;

  BuiltInEvent(EventType type, Class<? extends SalesEvent> recordClass) {
    this(type, recordClass, false);
  }

  BuiltInEvent(EventType type, Class<? extends SalesEvent> recordClass, boolean administrative) {
    this.type = type;
    this.recordClass = recordClass;
    this.administrative = administrative;
  }

  /** Returns the facts once {@code event}, of this type, is accepted. */
  abstract DealFacts apply(ImmutableDealFacts facts, SalesEvent event);

  /** Returns an event of this type that brings no new facts, to ask guards how things stand. */
  abstract SalesEvent probe(DealFacts facts, Instant now);

  /** Returns the built-in event of {@code type}, or null for a custom type. */
  static @Nullable BuiltInEvent of(EventType type) {
    return BY_TYPE.get(type);
  }

  /** Returns an event of {@code type} that brings no new facts to {@code deal}, as of {@code now}. */
  static SalesEvent neutral(EventType type, Deal deal, Instant now) {
    BuiltInEvent builtIn = of(type);
    return builtIn == null ? new SalesEvent.Custom(type, now) : builtIn.probe(deal.facts(), now);
  }

  /** A channel the prospect was already reached through, so that a probe adds none. */
  private static ContactChannel usedChannel(DealFacts facts) {
    return facts.contactChannels().stream().findFirst().orElse(ContactChannel.OTHER);
  }
}
