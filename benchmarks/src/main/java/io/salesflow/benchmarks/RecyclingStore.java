package io.salesflow.benchmarks;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.store.DealStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmarks' store: the same version check as {@link DealStore#inMemory()}, one compare-and-set of the snapshot
 * read per append on the deal's own slot (here an {@link AtomicReference} found in a concurrent map, there a slot of an
 * open-addressing table), plus {@link #recycle(Deal)}, which puts a deal back to a starting snapshot so that a
 * benchmark's deals never grow beyond one script. Recycling bypasses the version check, which is why no published
 * store offers it.
 */
final class RecyclingStore implements DealStore {
  private final Map<String, AtomicReference<Deal>> deals = new ConcurrentHashMap<>();

  @Override
  public void insert(Deal deal) {
    if (deals.putIfAbsent(deal.id(), new AtomicReference<>(deal)) != null) {
      throw new DuplicateDealException(deal.id(), deal.processId());
    }
  }

  /** Puts {@code deal} in the store as it is, replacing whatever is stored under its id. */
  void recycle(Deal deal) {
    deals.computeIfAbsent(deal.id(), id -> new AtomicReference<>()).set(deal);
  }

  @Override
  public Optional<Deal> find(String dealId) {
    AtomicReference<Deal> slot = deals.get(dealId);
    return slot == null ? Optional.empty() : Optional.of(slot.get());
  }

  @Override
  public void append(Deal deal, TransitionRecord record) {
    String id = deal.id();
    AtomicReference<Deal> slot = deals.get(id);
    if (slot == null) {
      throw new UnknownDealException(id);
    }
    Deal stored;
    do {
      stored = slot.get();
      if (stored.version() != record.version() - 1) {
        throw new DealVersionConflictException(id, record.version() - 1, stored.version());
      }
    } while (!slot.compareAndSet(stored, deal));
  }

  @Override
  public List<Deal> findByProcess(String processId) {
    return deals.values().stream().map(AtomicReference::get).filter(d -> d.processId().equals(processId)).toList();
  }
}
