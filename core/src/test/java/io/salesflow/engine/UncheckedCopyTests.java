package io.salesflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.TransitionRecord;
import io.salesflow.store.DealStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine on a store that hands out unchecked copies ({@link DealStore#findUnchecked}): only an accepted
 * transition the store wrote comes from a copy without a checked read; every other outcome of a copy that is out of
 * date is decided again on the stored deal.
 */
class UncheckedCopyTests {
  private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

  private final AtomicInteger guardCalls = new AtomicInteger();
  private final AtomicInteger guardThrowsWhileBelow = new AtomicInteger(-1);
  private CopyingStore store;
  private DealEngine engine;

  /** new -(contact)-> working -(presentation, counted guard)-> presenting; a follow-up only in working. */
  @BeforeEach
  void setUp() {
    TransitionGuard counted = TransitionGuard.named("counted", context -> {
      guardCalls.incrementAndGet();
      if (context.deal().version() < guardThrowsWhileBelow.get()) {
        throw new IllegalStateException("guard failed on version " + context.deal().version());
      }
      return TransitionGuard.always().evaluate(context);
    });
    SalesProcess process = SalesProcess.builder("copies")
        .stage(Stage.open("new", "New"))
        .stage(Stage.open("working", "Working"))
        .stage(Stage.open("presenting", "Presenting"))
        .stage(Stage.won("won", "Won"))
        .initialStage("new")
        .transition("new", EventType.CONTACT_MADE, "working")
        .internal("working", EventType.FOLLOW_UP_LOGGED)
        .transition("working", EventType.PRESENTATION_DELIVERED, "presenting", counted)
        .transition("presenting", EventType.CLOSED_WON, "won")
        .build();
    store = new CopyingStore();
    engine = DealEngine.tableEngine().process(process).store(store).build();
    engine.start("D-1", "copies");
  }

  private static SalesEvent contact(int second) {
    return new SalesEvent.ContactMade(AT.plusSeconds(second), ContactChannel.PHONE);
  }

  private static SalesEvent followUp(int second) {
    return new SalesEvent.FollowUpLogged(AT.plusSeconds(second), ContactChannel.EMAIL,
        SalesEvent.FollowUpOutcome.NO_RESPONSE);
  }

  @Test
  void anAcceptedTransitionOnACurrentCopyIsWrittenWithoutACheckedRead() {
    store.copy = store.find("D-1").orElseThrow();
    int finds = store.finds.get();

    FireResult result = engine.fire("D-1", contact(1));

    assertThat(result.isAccepted()).isTrue();
    assertThat(store.finds.get()).isEqualTo(finds);
    assertThat(store.find("D-1")).contains(result.deal());
  }

  @Test
  void aTransitionOnACopyOutOfDateIsDecidedAgainOnTheStoredDeal() {
    store.copy = store.find("D-1").orElseThrow(); // in 'new'
    engine.fire("D-1", contact(1)); // the copy is handed out and used: now in 'working'
    store.copy = store.find("D-1").orElseThrow();
    Deal stored = store.advanceBehindTheCopy(followUp(2));

    FireResult result = engine.fire("D-1", followUp(3));

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.deal().version()).isEqualTo(stored.version() + 1);
    assertThat(store.conflicts.get()).isEqualTo(1);
  }

  @Test
  void aRejectionOnACurrentCopyStandsAfterOneCheckedReadAndOneDecision() {
    engine.fire("D-1", contact(1));
    Deal copy = store.find("D-1").orElseThrow(); // in 'working'
    store.copy = copy;
    int finds = store.finds.get();

    FireResult result = engine.fire("D-1", new SalesEvent.ClosedWon(AT.plusSeconds(2), java.math.BigDecimal.TEN));

    assertThat(result).isInstanceOf(FireResult.Rejected.class);
    assertThat(result.deal()).isSameAs(copy);
    assertThat(store.finds.get()).isEqualTo(finds + 1);
  }

  @Test
  void aRejectionOnACopyOutOfDateIsDecidedAgainOnTheStoredDeal() {
    engine.fire("D-1", contact(1));
    store.copy = store.find("D-1").orElseThrow(); // in 'working'
    store.advanceBehindTheCopy(new SalesEvent.PresentationDelivered(AT.plusSeconds(2))); // stored: 'presenting'

    FireResult result = engine.fire("D-1", new SalesEvent.ClosedWon(AT.plusSeconds(3), java.math.BigDecimal.TEN));

    assertThat(result.isAccepted()).as("closing is accepted in the stored deal's stage").isTrue();
    assertThat(result.deal().stage()).isEqualTo("won");
  }

  @Test
  void aStaleExpectedVersionIsJudgedOnTheStoredDeal() {
    engine.fire("D-1", contact(1));
    store.copy = store.find("D-1").orElseThrow();
    Deal stored = store.advanceBehindTheCopy(followUp(2));

    FireResult result = engine.fire("D-1", store.copy.version() + 1, followUp(3));

    assertThat(result.isAccepted()).as("the stored deal is at the expected version").isTrue();
    assertThat(result.deal().version()).isEqualTo(stored.version() + 1);
  }

  @Test
  void aGuardRunsOnceWhenItsDecisionOnACurrentCopyIsWritten() {
    engine.fire("D-1", contact(1));
    store.copy = store.find("D-1").orElseThrow();
    guardCalls.set(0);

    assertThat(engine.fire("D-1", new SalesEvent.PresentationDelivered(AT.plusSeconds(2))).isAccepted()).isTrue();
    assertThat(guardCalls.get()).isEqualTo(1);
  }

  @Test
  void aGuardFailingOnACurrentCopyFailsTheFire() {
    engine.fire("D-1", contact(1));
    store.copy = store.find("D-1").orElseThrow();
    guardThrowsWhileBelow.set(100);

    assertThatThrownBy(() -> engine.fire("D-1", new SalesEvent.PresentationDelivered(AT.plusSeconds(2))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("guard failed on version 1");
    assertThat(store.find("D-1").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void aGuardFailingOnlyOnACopyOutOfDateIsDecidedAgainOnTheStoredDeal() {
    engine.fire("D-1", contact(1));
    store.copy = store.find("D-1").orElseThrow(); // version 1
    store.advanceBehindTheCopy(followUp(2)); // stored: version 2
    guardThrowsWhileBelow.set(2);

    FireResult result = engine.fire("D-1", new SalesEvent.PresentationDelivered(AT.plusSeconds(3)));

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.deal().version()).isEqualTo(3);
  }

  @Test
  void anInMemoryStoreHandsOutNoCopy() {
    assertThat(DealStore.inMemory().findUnchecked("D-1")).isEmpty();
  }

  /**
   * The in-memory store with a copy to hand out unchecked: an append continuing the copy it last handed out on this
   * thread writes only if the stored deal is still the copy, as the JDBC store checks a row's {@code xmin}.
   */
  private static final class CopyingStore implements DealStore {
    private final DealStore stored = DealStore.inMemory();
    private final ThreadLocal<@Nullable Deal> handedOut = new ThreadLocal<>();
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();
    @Nullable Deal copy;

    /** Another writer's transition: the stored deal moves on, the copy does not. */
    Deal advanceBehindTheCopy(SalesEvent event) {
      Deal deal = stored.find("D-1").orElseThrow();
      boolean moves = event.type().equals(EventType.PRESENTATION_DELIVERED);
      TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(),
          moves ? "presenting" : deal.stage(), event, event.occurredAt(), !moves, null);
      Deal next = deal.advance(record, deal.facts().apply(event));
      stored.append(next, record);
      return next;
    }

    @Override
    public Optional<Deal> findUnchecked(String dealId) {
      handedOut.set(copy);
      return Optional.ofNullable(copy);
    }

    @Override
    public void insert(Deal deal) {
      stored.insert(deal);
    }

    @Override
    public Optional<Deal> find(String dealId) {
      finds.incrementAndGet();
      handedOut.remove();
      return stored.find(dealId);
    }

    @Override
    public void append(Deal deal, TransitionRecord record) {
      Deal from = handedOut.get();
      handedOut.remove();
      if (from != null && from.version() == record.version() - 1
          && !from.equals(stored.find(deal.id()).orElse(null))) {
        conflicts.incrementAndGet();
        throw new DealVersionConflictException(deal.id(), record.version() - 1, -1);
      }
      stored.append(deal, record);
    }

    @Override
    public List<Deal> findByProcess(String processId) {
      return stored.findByProcess(processId);
    }
  }
}
