package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionHistory;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.store.DealStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Deliberately broken stores, each with one bug a real store could have. */
final class BrokenStores {
  private BrokenStores() {}

  /** Last writer wins: an append at a version that is no longer stored overwrites the newer deal. */
  static final class LosingUpdates implements DealStore {
    private final Map<String, Deal> deals = new ConcurrentHashMap<>();

    @Override
    public void insert(Deal deal) {
      if (!deal.history().isEmpty()) {
        throw new IllegalArgumentException("a new deal has version 0 and no history: " + deal);
      }
      if (deals.putIfAbsent(deal.id(), deal) != null) {
        throw new DuplicateDealException(deal.id(), deal.processId());
      }
    }

    @Override
    public Optional<Deal> find(String dealId) {
      return Optional.ofNullable(deals.get(dealId));
    }

    @Override
    public void append(Deal deal, TransitionRecord record) {
      if (deal.version() != record.version() || !deal.lastTransition().map(record::equals).orElse(false)) {
        throw new IllegalArgumentException("deal '" + deal.id() + "' must end with the record being appended");
      }
      if (deals.computeIfPresent(deal.id(), (id, stored) -> deal) == null) { // no version check: the bug
        throw new UnknownDealException(deal.id());
      }
    }

    @Override
    public List<Deal> findByProcess(String processId) {
      return deals.values().stream().filter(d -> d.processId().equals(processId)).toList();
    }
  }

  /**
   * Hands out, as its unchecked copy, the deal as it was inserted and never the deal as appended since: a cache that
   * is not updated on write.
   */
  static final class StaleCopy extends Mutants.ForwardingStore {
    private final Map<String, Deal> inserted = new ConcurrentHashMap<>();

    StaleCopy(DealStore delegate) {
      super(delegate);
    }

    @Override
    public void insert(Deal deal) {
      delegate.insert(deal);
      inserted.put(deal.id(), deal);
    }

    @Override
    public Optional<Deal> findUnchecked(String dealId) {
      return Optional.ofNullable(inserted.get(dealId));
    }
  }

  /** Writes the stage, the version and the record, but not the deal's new facts: an UPDATE that misses a column. */
  static final class WritingPartly extends Mutants.ForwardingStore {
    WritingPartly(DealStore delegate) {
      super(delegate);
    }

    @Override
    public void append(Deal deal, TransitionRecord record) {
      Deal stored = find(deal.id()).orElseThrow(() -> new UnknownDealException(deal.id()));
      if (deal.version() != record.version() || !deal.lastTransition().map(record::equals).orElse(false)) {
        throw new IllegalArgumentException("deal '" + deal.id() + "' must end with the record being appended");
      }
      delegate.append(record.version() == stored.version() + 1 ? stored.advance(record, stored.facts()) : deal,
          record);
    }
  }

  /**
   * Reads each record's stages and version back in order, but the events in another order (sorted by type, as a
   * join without an ORDER BY on the version might give them): the history stays continuous and is wrong.
   */
  static final class ReorderingHistory extends Mutants.ForwardingStore {
    ReorderingHistory(DealStore delegate) {
      super(delegate);
    }

    @Override
    public Optional<Deal> find(String dealId) {
      return delegate.find(dealId).map(ReorderingHistory::reordered);
    }

    @Override
    public List<Deal> findByProcess(String processId) {
      return delegate.findByProcess(processId).stream().map(ReorderingHistory::reordered).toList();
    }

    private static Deal reordered(Deal deal) {
      List<TransitionRecord> records = deal.history().asList();
      List<SalesEvent> events = new ArrayList<>(records.stream().map(TransitionRecord::event).toList());
      events.sort(Comparator.comparing(e -> e.type().id()));
      List<TransitionRecord> read = new ArrayList<>(records.size());
      for (int i = 0; i < records.size(); i++) {
        TransitionRecord r = records.get(i);
        read.add(new TransitionRecord(r.version(), r.from(), r.to(), events.get(i), r.at(), r.internal()));
      }
      return deal.toBuilder().history(TransitionHistory.of(read)).build();
    }
  }
}
