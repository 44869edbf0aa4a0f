package io.salesflow.testkit;

import static io.salesflow.testkit.StoreSamples.advance;
import static io.salesflow.testkit.StoreSamples.newDeal;
import static io.salesflow.testkit.StoreSamples.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.store.DealStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DealStore} passes, as a JUnit 5 test class to extend: implement {@link #createStore()}
 * and every test here runs on your store.
 *
 * <pre>{@code
 * class InMemoryDealStoreContractTests extends DealStoreContract {
 *   @Override
 *   protected DealStore createStore() {
 *     return DealStore.inMemory();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that a store keeps a deal, every fact and every transition with its full event payload exactly as
 * given (instants to the nanosecond, text with quotes, control characters and emoji); refuses a duplicate id, a new
 * deal that already has history, a stale append (with {@link DealVersionConflictException}), an append
 * to an unknown deal and an append whose deal does not end with the record, writing nothing each time; finds deals
 * by process and stage, stalled deals (per stage and by each stage's threshold) and deals whose follow-up is overdue,
 * in the documented order; and lets exactly one of eight concurrent appends at the same version win.
 *
 * <p>Each test starts from the store {@link #createStore()} returns, which must be empty: a store backed by a
 * database may return the same instance each time after deleting what the previous test wrote.
 *
 * @since 0.1
 */
public abstract class DealStoreContract {
  private static final String PROCESS = "five-step";

  private DealStore store;

  /**
   * Returns the store under test, empty; called before each test.
   *
   * @return an empty store; a database-backed one may be the same instance each time, emptied
   */
  protected abstract DealStore createStore();

  @BeforeEach
  final void createEmptyStore() {
    store = createStore();
  }

  @Test
  void findsAnInsertedDealWithEveryFact() {
    Deal deal = newDeal("D-1", PROCESS, "prospecting", StoreSamples.T0, StoreSamples.everyFact());

    store.insert(deal);

    Deal found = store.find("D-1").orElseThrow();
    assertThat(found).isEqualTo(deal);
    assertThat(found.facts()).isEqualTo(StoreSamples.everyFact());
    assertThat(found.createdAt()).isEqualTo(StoreSamples.T0);
    assertThat(found.facts().followUps().unansweredInARow()).isEqualTo(1);
    assertThat(found.facts().followUps().rejections()).isEqualTo(1);
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(store.find("nobody")).isEmpty();
  }

  @Test
  void givesNoUncheckedCopyOrOneEqualToTheStoredDeal() {
    Deal deal = newDeal("D-1", PROCESS, "prospecting", t(0));
    store.insert(deal);
    Deal byPhone = advance(deal, "contacting", new SalesEvent.ContactMade(t(1), ContactChannel.PHONE), t(1));
    store.append(byPhone, byPhone.lastTransition().orElseThrow());

    Deal stored = store.find("D-1").orElseThrow();
    assertThat(store.findUnchecked("D-1")).satisfiesAnyOf(
        copy -> assertThat(copy).isEmpty(),
        copy -> assertThat(copy).contains(stored));
    assertThat(store.findUnchecked("nobody")).isEmpty();
  }

  @Test
  void rejectsADuplicateIdAndKeepsTheFirstDeal() {
    Deal first = newDeal("D-1", PROCESS, "prospecting", t(0));
    store.insert(first);

    assertThatThrownBy(() -> store.insert(newDeal("D-1", "other", "elsewhere", t(1))))
        .isInstanceOf(DuplicateDealException.class)
        .hasMessageContaining("'D-1' already exists");
    assertThat(store.find("D-1")).contains(first);
  }

  @Test
  void rejectsANewDealThatAlreadyHasHistory() {
    Deal moved = advance(newDeal("D-1", PROCESS, "prospecting", t(0)), "contacting",
        new SalesEvent.ContactMade(t(1), ContactChannel.PHONE), t(1));

    assertThatThrownBy(() -> store.insert(moved)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 0");
    assertThat(store.find("D-1")).isEmpty();
  }

  @Test
  void keepsEveryTransitionWithItsFullEventPayload() {
    Deal deal = newDeal("D-1", PROCESS, "prospecting", StoreSamples.T0, StoreSamples.everyFact());
    store.insert(deal);

    List<Deal> snapshots = StoreSamples.throughEveryEvent(deal);
    for (Deal snapshot : snapshots) {
      store.append(snapshot, snapshot.lastTransition().orElseThrow());
    }

    Deal last = snapshots.get(snapshots.size() - 1);
    Deal found = store.find("D-1").orElseThrow();
    assertThat(found.history().asList()).isEqualTo(last.history().asList());
    assertThat(found.history().stream().map(r -> r.event()).toList()).isEqualTo(StoreSamples.everyEvent());
    assertThat(found).isEqualTo(last);
    assertThat(found.version()).isEqualTo(StoreSamples.everyEvent().size());
  }

  @Test
  void rejectsAStaleAppendAndWritesNothing() {
    Deal deal = newDeal("D-1", PROCESS, "prospecting", t(0));
    store.insert(deal);
    Deal byPhone = advance(deal, "contacting", new SalesEvent.ContactMade(t(1), ContactChannel.PHONE), t(1));
    store.append(byPhone, byPhone.lastTransition().orElseThrow());
    Deal byEmail = advance(deal, "qualifying", new SalesEvent.ContactMade(t(2), ContactChannel.EMAIL), t(2));

    assertThatThrownBy(() -> store.append(byEmail, byEmail.lastTransition().orElseThrow()))
        .isInstanceOfSatisfying(DealVersionConflictException.class, e -> {
          assertThat(e.expectedVersion()).isZero();
          assertThat(e.actualVersion()).isEqualTo(1);
          assertThat(e.dealId()).contains("D-1");
        })
        .hasMessageContaining("reload the deal and try again");
    assertThat(store.find("D-1")).contains(byPhone);
  }

  @Test
  void rejectsAnAppendToAnUnknownDeal() {
    Deal ghost = advance(newDeal("ghost", PROCESS, "prospecting", t(0)), "contacting",
        new SalesEvent.ContactMade(t(1), ContactChannel.PHONE), t(1));

    assertThatThrownBy(() -> store.append(ghost, ghost.lastTransition().orElseThrow()))
        .isInstanceOf(UnknownDealException.class)
        .hasMessageContaining("'ghost'");
    assertThat(store.find("ghost")).isEmpty();
  }

  @Test
  void rejectsAnAppendWhoseDealDoesNotEndWithTheRecord() {
    Deal deal = newDeal("D-1", PROCESS, "prospecting", t(0));
    store.insert(deal);
    Deal once = advance(deal, "contacting", new SalesEvent.ContactMade(t(1), ContactChannel.PHONE), t(1));
    Deal twice = advance(once, "qualifying", new SalesEvent.PresentationDelivered(t(2)), t(2));

    assertThatThrownBy(() -> store.append(twice, once.lastTransition().orElseThrow()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find("D-1")).contains(deal);
  }

  @Test
  void keepsTheProcessVersionOwnerStarterAndTheActorOfEveryRecord() {
    Deal plain = newDeal("D-0", PROCESS, "prospecting", t(0));
    Deal deal = newDeal("D-1", PROCESS, "prospecting", t(0)).toBuilder().processVersion(3).owner("rep-ann")
        .startedBy("web-form").startKey("start-1").build();
    store.insert(plain);
    store.insert(deal);
    TransitionRecord overridden = new TransitionRecord(1, "prospecting", "qualifying",
        new SalesEvent.StageOverridden(t(1), "budget confirmed on the phone", false), t(1), false, null,
        "manager-max");
    Deal d1 = deal.advance(overridden, deal.facts());
    store.append(d1, overridden);
    TransitionRecord reassigned = new TransitionRecord(2, "qualifying", "qualifying",
        new SalesEvent.OwnerAssigned(t(2), "rep-bob", "rep-ann"), t(2), true, null, "manager-max");
    Deal d2 = d1.advance(reassigned, d1.facts()).toBuilder().owner("rep-bob").build();
    store.append(d2, reassigned);
    TransitionRecord migrated = new TransitionRecord(3, "qualifying", "presenting",
        new SalesEvent.DealMigrated(t(3), 3, 4, "qualifying is presenting now", List.of("amount: required")), t(3),
        false, "migration-7", "ops-ann");
    Deal d3 = d2.advance(migrated, d2.facts()).toBuilder().processVersion(4).build();
    store.append(d3, migrated);
    Deal d4 = advance(d3, "presenting", new SalesEvent.FollowUpLogged(t(4), ContactChannel.EMAIL,
        FollowUpOutcome.RESPONDED), t(4)); // fired by nobody in particular
    store.append(d4, d4.lastTransition().orElseThrow());

    Deal found = store.find("D-1").orElseThrow();

    assertThat(found).isEqualTo(d4);
    assertThat(List.of(found.processVersion(), found.owner(), found.startedBy(), found.startKey()))
        .containsExactly(4, "rep-bob", "web-form", "start-1");
    assertThat(found.history().asList()).extracting(TransitionRecord::actor)
        .containsExactly("manager-max", "manager-max", "ops-ann", null);
    assertThat(found.history().asList()).isEqualTo(d4.history().asList());
    assertThat(store.findByProcess(PROCESS)).containsExactlyInAnyOrder(plain, d4);
    Deal unknown = store.find("D-0").orElseThrow();
    assertThat(unknown.processVersion()).isEqualTo(1);
    assertThat(unknown.owner()).isNull();
    assertThat(unknown.startedBy()).isNull();
  }

  @Test
  void pagesThroughTheDealsOfOneProcessVersionEachOnce() {
    List<String> versionOne = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String id = String.format("P-%02d", i);
      store.insert(newDeal(id, PROCESS, "prospecting", t(0)));
      versionOne.add(id);
    }
    for (int i = 0; i < 5; i++) {
      store.insert(newDeal("Q-" + i, PROCESS, "prospecting", t(0)).toBuilder().processVersion(2).build());
      store.insert(newDeal("R-" + i, "seven-step", "prospecting", t(0)));
    }
    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String after = null;
    do {
      DealStore.Page page = store.findByProcessVersion(PROCESS, 1, after, 10,
          unreadable -> { throw new AssertionError(unreadable.toString()); });
      page.deals().forEach(d -> seen.add(d.id()));
      sizes.add(page.deals().size());
      after = page.next();
    } while (after != null && sizes.size() < 10);

    assertThat(seen).containsExactlyElementsOf(versionOne);
    assertThat(sizes).containsExactly(10, 10, 3);
    assertThat(store.findByProcessVersion(PROCESS, 2, null, 10, u -> { }).deals()).extracting(Deal::id)
        .containsExactly("Q-0", "Q-1", "Q-2", "Q-3", "Q-4");
    assertThat(store.findByProcessVersion(PROCESS, 3, null, 10, u -> { })).isEqualTo(new DealStore.Page(List.of(),
        null));
    assertThatThrownBy(() -> store.findByProcessVersion(PROCESS, 1, null, 0, u -> { }))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsDealsByProcessAndByStageWithTheirHistory() {
    Deal a = newDeal("A", PROCESS, "prospecting", t(0));
    Deal b = newDeal("B", PROCESS, "prospecting", t(0));
    Deal c = newDeal("C", "seven-step", "prospecting", t(0));
    List.of(a, b, c).forEach(store::insert);
    Deal b1 = advance(b, "contacting", new SalesEvent.ContactMade(t(1), ContactChannel.PHONE), t(1));
    Deal b2 = advance(b1, "contacting", new SalesEvent.FollowUpLogged(t(2), ContactChannel.EMAIL,
        FollowUpOutcome.NO_RESPONSE), t(2));
    store.append(b1, b1.lastTransition().orElseThrow());
    store.append(b2, b2.lastTransition().orElseThrow());

    assertThat(store.findByProcess(PROCESS)).containsExactlyInAnyOrder(a, b2);
    assertThat(store.findByProcess("seven-step")).containsExactly(c);
    assertThat(store.findByProcess("none")).isEmpty();
    assertThat(store.findByStage(PROCESS, "contacting")).containsExactly(b2);
    assertThat(store.findByStage(PROCESS, "prospecting")).containsExactly(a);
    assertThat(store.findByStage("seven-step", "contacting")).isEmpty();
  }

  @Test
  void findsDealsInAStageLongerThanTheThresholdOldestFirst() {
    Instant now = t(1000);
    Duration threshold = Duration.ofDays(3);
    Instant cutoff = now.minus(threshold);
    store.insert(newDeal("exactly-at-threshold", PROCESS, "qualifying", cutoff));
    store.insert(newDeal("a-nanosecond-over", PROCESS, "qualifying", cutoff.minusNanos(1)));
    store.insert(newDeal("long-over", PROCESS, "qualifying", cutoff.minus(Duration.ofDays(5))));
    store.insert(newDeal("recent", PROCESS, "qualifying", now.minusSeconds(1)));
    store.insert(newDeal("other-stage", PROCESS, "closing", cutoff.minus(Duration.ofDays(9))));
    store.insert(newDeal("other-process", "seven-step", "qualifying", cutoff.minus(Duration.ofDays(9))));

    assertThat(store.findStalled(PROCESS, "qualifying", threshold, now)).extracting(Deal::id)
        .containsExactly("long-over", "a-nanosecond-over");
    assertThat(store.findStalled(PROCESS, "qualifying", Duration.ZERO, now)).extracting(Deal::id)
        .containsExactly("long-over", "a-nanosecond-over", "exactly-at-threshold", "recent");
  }

  @Test
  void findsStalledDealsOfAProcessByEachStagesThreshold() {
    SalesProcess process = SalesProcess.builder(PROCESS)
        .stage(Stage.builder().id("qualifying").name("Qualifying").kind(StageKind.OPEN)
            .stallAfter(Duration.ofDays(2)).build())
        .stage(Stage.builder().id("closing").name("Closing").kind(StageKind.OPEN)
            .stallAfter(Duration.ofDays(10)).build())
        .stage(Stage.open("nurture", "Nurture"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("qualifying")
        .transition("qualifying", EventType.PROPOSAL_SENT, "closing")
        .transition("qualifying", EventType.FOLLOW_UP_LOGGED, "nurture")
        .transition("nurture", EventType.CONTACT_MADE, "qualifying")
        .transition("closing", EventType.CLOSED_WON, "won")
        .transition("closing", EventType.CLOSED_LOST, "lost")
        .transition("qualifying", EventType.CLOSED_LOST, "lost")
        .build();
    Instant now = t(100_000);
    store.insert(newDeal("q-stalled", PROCESS, "qualifying", now.minus(Duration.ofDays(3))));
    store.insert(newDeal("q-fresh", PROCESS, "qualifying", now.minus(Duration.ofDays(1))));
    store.insert(newDeal("c-stalled", PROCESS, "closing", now.minus(Duration.ofDays(11))));
    store.insert(newDeal("c-fresh", PROCESS, "closing", now.minus(Duration.ofDays(3))));
    store.insert(newDeal("n-no-threshold", PROCESS, "nurture", now.minus(Duration.ofDays(300))));

    assertThat(store.findStalled(process, now)).extracting(Deal::id).containsExactly("q-stalled", "c-stalled");
  }

  @Test
  void findsDealsWhoseFollowUpIsOverdueLongestFirst() {
    Instant now = t(100_000);
    insertWithFollowUp("followed-up-lately", "contacting", now.minus(Duration.ofDays(20)),
        now.minus(Duration.ofDays(2)));
    insertWithFollowUp("followed-up-long-ago", "contacting", now.minus(Duration.ofDays(30)),
        now.minus(Duration.ofDays(9)));
    store.insert(newDeal("never-followed-up", PROCESS, "contacting", now.minus(Duration.ofDays(8))));
    store.insert(newDeal("just-entered", PROCESS, "contacting", now.minus(Duration.ofDays(1))));
    store.insert(newDeal("other-stage", PROCESS, "closing", now.minus(Duration.ofDays(50))));
    // followed up long ago in an earlier stage, then moved on: its clock runs from its stage entry
    Deal movedOn = insertWithFollowUp("moved-on", "prospecting", now.minus(Duration.ofDays(40)),
        now.minus(Duration.ofDays(30)));
    Deal contacted = advance(movedOn, "contacting", new SalesEvent.ContactMade(now.minus(Duration.ofDays(3)),
        ContactChannel.PHONE), now.minus(Duration.ofDays(3)));
    store.append(contacted, contacted.lastTransition().orElseThrow());

    assertThat(store.findFollowUpsOverdue(PROCESS, "contacting", Duration.ofDays(7), now)).extracting(Deal::id)
        .containsExactly("followed-up-long-ago", "never-followed-up");
    assertThat(store.findFollowUpsOverdue(PROCESS, "contacting", Duration.ofDays(2), now)).extracting(Deal::id)
        .containsExactly("followed-up-long-ago", "never-followed-up", "moved-on");
  }

  /** Stores a deal that entered {@code stage} at {@code entered} and logged one follow-up at {@code followUp}. */
  private Deal insertWithFollowUp(String id, String stage, Instant entered, Instant followUp) {
    Deal deal = newDeal(id, PROCESS, stage, entered);
    store.insert(deal);
    Deal next = advance(deal, stage, new SalesEvent.FollowUpLogged(followUp, ContactChannel.EMAIL,
        FollowUpOutcome.NO_RESPONSE), followUp);
    store.append(next, next.lastTransition().orElseThrow());
    return next;
  }

  @Test
  void letsExactlyOneOfConcurrentAppendsAtTheSameVersionWin() throws Exception {
    Deal deal = newDeal("D-1", PROCESS, "prospecting", t(0));
    store.insert(deal);
    int writers = 8;
    List<Deal> candidates = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      candidates.add(advance(deal, "contacting", new SalesEvent.ContactMade(t(i + 1), ContactChannel.PHONE),
          t(i + 1)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (Deal candidate : candidates) {
        outcomes.add(pool.submit(() -> {
          go.await();
          try {
            store.append(candidate, candidate.lastTransition().orElseThrow());
            return true;
          } catch (DealVersionConflictException conflict) {
            return false;
          }
        }));
      }
      go.countDown();
      List<Deal> winners = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        if (outcomes.get(i).get(30, TimeUnit.SECONDS)) {
          winners.add(candidates.get(i));
        }
      }

      assertThat(winners).hasSize(1);
      assertThat(store.find("D-1")).contains(winners.get(0));
    } finally {
      pool.shutdownNow();
    }
  }
}
