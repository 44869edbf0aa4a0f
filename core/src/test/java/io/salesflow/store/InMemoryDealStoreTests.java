package io.salesflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryDealStoreTests {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  final DealStore store = DealStore.inMemory();

  static Deal fresh(String id) {
    return Deal.builder().id(id).processId("p").stage("lead").version(0).createdAt(T0).enteredStageAt(T0).build();
  }

  static Deal advanced(Deal deal) {
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), "demo",
        new SalesEvent.PresentationDelivered(T0), T0, false);
    return deal.advance(record, deal.facts());
  }

  @Test
  void appendReplacesTheDealOnlyAtTheExpectedVersion() {
    Deal deal = fresh("D-1");
    store.insert(deal);
    Deal next = advanced(deal);
    store.append(next, next.lastTransition().orElseThrow());
    assertThat(store.find("D-1")).contains(next);
    assertThatThrownBy(() -> store.append(next, next.lastTransition().orElseThrow()))
        .isInstanceOf(DealVersionConflictException.class).hasMessageContaining("expected version 0");
  }

  @Test
  void insertRefusesADuplicateAndAppendAnUnknownDeal() {
    store.insert(fresh("D-2"));
    assertThatThrownBy(() -> store.insert(fresh("D-2"))).isInstanceOf(DuplicateDealException.class);
    Deal stranger = advanced(fresh("D-3"));
    assertThatThrownBy(() -> store.append(stranger, stranger.lastTransition().orElseThrow()))
        .isInstanceOf(UnknownDealException.class);
  }

}
