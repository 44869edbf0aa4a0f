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
 * The benchmarks' store: the same algorithm as {@link DealStore#inMemory()} (a cell per deal, one compare-and-set per
 * append), plus {@link #recycle(Deal)}, which puts a deal back to a starting snapshot so that a benchmark's deals
 * never grow beyond one script. Recycling bypasses the version check, which is why no published store offers it.
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
    AtomicReference<Deal> cell = deals.get(dealId);
    return cell == null ? Optional.empty() : Optional.of(cell.get());
  }

  @Override
  public void append(Deal deal, TransitionRecord record) {
    AtomicReference<Deal> cell = deals.get(deal.id());
    if (cell == null) {
      throw new UnknownDealException(deal.id());
    }
    Deal stored;
    do {
      stored = cell.get();
      if (stored.version() != record.version() - 1) {
        throw new DealVersionConflictException(deal.id(), record.version() - 1, stored.version());
      }
    } while (!cell.compareAndSet(stored, deal));
  }

  @Override
  public List<Deal> findByProcess(String processId) {
    return deals.values().stream().map(AtomicReference::get).filter(d -> d.processId().equals(processId)).toList();
  }
}
