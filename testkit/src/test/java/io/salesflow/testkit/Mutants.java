package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.TransitionGuard;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import io.salesflow.store.DealStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken engines, each a wrapper around a correct engine factory, so that the same bug can be planted
 * in the table engine and in the Spring Statemachine engine. Some compile a process that differs from the definition
 * in one place (as an engine whose table has a bug would run), the others change what the engine stores or answers.
 */
final class Mutants {
  private Mutants() {}

  /** Runs a wrong copy of every process: the engine's own table has a bug. */
  static EngineFactory compiling(EngineFactory correct, UnaryOperator<SalesProcess> bug) {
    return (clock, store, processes) -> correct.create(clock, store, processes.stream().map(bug).toList());
  }

  /** Returns {@code process} with the transitions {@code which} selects replaced by {@code bug}, in their place. */
  static SalesProcess replacing(SalesProcess process, Predicate<Transition> which, UnaryOperator<Transition> bug) {
    SalesProcess.Builder builder = process.toBuilder().removeTransitionsIf(t -> true);
    for (Transition t : process.transitions()) {
      builder.transition(which.test(t) ? bug.apply(t) : t);
    }
    return builder.build();
  }

  /** Lets a rep drop a prospect for no response from 'contacted' before five follow-ups: the guard is ignored. */
  static EngineFactory ignoringTheFollowUpGuard(EngineFactory correct) {
    return compiling(correct, process -> replacing(process,
        t -> t.source().equals("contacted") && t.event().equals(EventType.CLOSED_LOST),
        t -> Transition.external(t.source(), t.event(), t.target(), TransitionGuard.always())));
  }

  /** Refuses qualifications the process allows: it also wants the decision within 60 days of the assessment. */
  static EngineFactory withAStricterQualificationGuard(EngineFactory correct) {
    TransitionGuard stricter = TestProcesses.BANT_CONFIRMED.and(TransitionGuard.of("decision within 60 days",
        ctx -> ctx.facts().bant().timing().filter(t -> !t.decisionDate().isAfter(
            LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC).plusDays(60))).isPresent(),
        "timing: the decision must fall within 60 days"));
    return compiling(correct, process -> replacing(process,
        t -> t.event().equals(EventType.QUALIFICATION_ASSESSED),
        t -> Transition.external(t.source(), t.event(), t.target(), stricter)));
  }

  /** Sends a contacted lead that is disqualified back to prospecting instead of to the lost stage. */
  static EngineFactory withAWrongTargetStage(EngineFactory correct) {
    return compiling(correct, process -> replacing(process,
        t -> t.source().equals("contacted") && t.event().equals(EventType.DISQUALIFIED),
        t -> Transition.external(t.source(), t.event(), "prospecting", t.guard())));
  }

  /** Records internal transitions but forgets their facts: a follow-up or another contact leaves them as they were. */
  static EngineFactory forgettingTheFactsOfInternalTransitions(EngineFactory correct) {
    return (clock, store, processes) -> new ForwardingDealEngine(correct.create(clock, new ForwardingStore(store) {
      @Override
      public void append(Deal deal, TransitionRecord record) {
        Deal stored = find(deal.id()).orElseThrow();
        delegate.append(record.internal() ? stored.advance(record, stored.facts()) : deal, record);
      }
    }, processes)) {
      @Override
      public FireResult fire(String dealId, SalesEvent event) {
        return answeringWhatIsStored(delegate, dealId, delegate.fire(dealId, event));
      }
    };
  }

  /** Records the third follow-up of a deal twice. */
  static EngineFactory duplicatingTheThirdFollowUp(EngineFactory correct) {
    return (clock, store, processes) -> new ForwardingDealEngine(correct.create(clock, store, processes)) {
      @Override
      public FireResult fire(String dealId, SalesEvent event) {
        FireResult result = delegate.fire(dealId, event);
        if (!(result instanceof FireResult.Accepted accepted) || !(event instanceof SalesEvent.FollowUpLogged)
            || accepted.deal().facts().followUps().count() != 3) {
          return result;
        }
        TransitionRecord first = accepted.transition();
        TransitionRecord again = new TransitionRecord(first.version() + 1, first.to(), first.to(), event, first.at(),
            first.internal());
        Deal twice = accepted.deal().advance(again, accepted.deal().facts().apply(event));
        store().append(twice, again);
        return new FireResult.Accepted(twice, again);
      }
    };
  }

  /** Answers that an internal transition was accepted, but never writes it. */
  static EngineFactory droppingInternalRecords(EngineFactory correct) {
    return (clock, store, processes) -> correct.create(clock, new ForwardingStore(store) {
      @Override
      public void append(Deal deal, TransitionRecord record) {
        Deal stored = find(deal.id()).orElseThrow();
        if (stored.version() != record.version() - 1) {
          throw new io.salesflow.DealVersionConflictException(deal.id(), record.version() - 1, stored.version());
        }
        if (!record.internal()) {
          delegate.append(deal, record);
        }
      }
    }, processes);
  }

  /** Reports a guard's denial as if the stage had no transition on the event at all. */
  static EngineFactory reportingGuardDenialsAsNoTransition(EngineFactory correct) {
    return (clock, store, processes) -> new ForwardingDealEngine(correct.create(clock, store, processes)) {
      @Override
      public FireResult fire(String dealId, SalesEvent event) {
        FireResult result = delegate.fire(dealId, event);
        return result instanceof FireResult.Rejected rejected && rejected.kind() == RejectionKind.GUARD_DENIED
            ? new FireResult.Rejected(rejected.deal(), event, RejectionKind.NO_TRANSITION, rejected.reasons())
            : result;
      }
    };
  }

  /** Moves a deal out of a lost stage, back to the initial stage, on any event. */
  static EngineFactory reopeningLostDeals(EngineFactory correct) {
    return (clock, store, processes) -> new ForwardingDealEngine(correct.create(clock, store, processes)) {
      @Override
      public FireResult fire(String dealId, SalesEvent event) {
        Deal deal = get(dealId);
        SalesProcess process = process(deal.processId());
        if (process.stage(deal.stage()).kind() != StageKind.LOST) {
          return delegate.fire(dealId, event);
        }
        TransitionRecord reopen = new TransitionRecord(deal.version() + 1, deal.stage(),
            process.initialStage().id(), event, clock().instant(), false);
        Deal reopened = deal.advance(reopen, deal.facts().apply(event));
        store().append(reopened, reopen);
        return new FireResult.Accepted(reopened, reopen);
      }
    };
  }

  /** The engine's own answer replaced by the deal it stored, as an engine whose bug is in what it computes answers. */
  private static FireResult answeringWhatIsStored(DealEngine engine, String dealId, FireResult result) {
    return result instanceof FireResult.Accepted accepted
        ? new FireResult.Accepted(engine.get(dealId), accepted.transition())
        : result;
  }

  /** Forwards every call to another store; broken stores override what they break. */
  static class ForwardingStore implements DealStore {
    final DealStore delegate;

    ForwardingStore(DealStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void insert(Deal deal) {
      delegate.insert(deal);
    }

    @Override
    public Optional<Deal> find(String dealId) {
      return delegate.find(dealId);
    }

    @Override
    public void append(Deal deal, TransitionRecord record) {
      delegate.append(deal, record);
    }

    @Override
    public List<Deal> findByProcess(String processId) {
      return delegate.findByProcess(processId);
    }
  }
}
