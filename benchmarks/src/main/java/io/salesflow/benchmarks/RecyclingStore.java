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

/**
 * The benchmarks' store: the same version check as {@link DealStore#inMemory()} (one compare-and-set of the snapshot
 * read per append; each deal's snapshot here in a concurrent map, there in an open-addressing table), plus {@link #recycle(Deal)}, which puts a deal back to a starting snapshot so that a benchmark's deals
 * never grow beyond one script. Recycling bypasses the version check, which is why no published store offers it.
 */
final class RecyclingStore implements DealStore {
  private final Map<String, Deal> deals = new ConcurrentHashMap<>();

  @Override
  public void insert(Deal deal) {
    if (deals.putIfAbsent(deal.id(), deal) != null) {
      throw new DuplicateDealException(deal.id(), deal.processId());
    }
  }

  /** Puts {@code deal} in the store as it is, replacing whatever is stored under its id. */
  void recycle(Deal deal) {
    deals.put(deal.id(), deal);
  }

  @Override
  public Optional<Deal> find(String dealId) {
    return Optional.ofNullable(deals.get(dealId));
  }

  @Override
  public void append(Deal deal, TransitionRecord record) {
    String id = deal.id();
    Deal stored;
    do {
      stored = deals.get(id);
      if (stored == null) {
        throw new UnknownDealException(id);
      }
      if (stored.version() != record.version() - 1) {
        throw new DealVersionConflictException(id, record.version() - 1, stored.version());
      }
    } while (!deals.replace(id, stored, deal));
  }

  @Override
  public List<Deal> findByProcess(String processId) {
    return deals.values().stream().filter(d -> d.processId().equals(processId)).toList();
  }
}
