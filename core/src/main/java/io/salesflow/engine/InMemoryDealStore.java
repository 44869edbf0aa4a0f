package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link DealStore}: deals in a concurrent map, lost when the JVM exits. Thread-safe; each deal is
 * replaced atomically with a version check, and its history is shared with the previous snapshot rather than copied.
 *
 * @since 0.1
 */
public final class InMemoryDealStore implements DealStore {
  private final ConcurrentMap<String, Deal> deals = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryDealStore() {}

  @Override
  public void insert(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    if (deal.version() != 0) {
      throw new IllegalArgumentException("a new deal has version 0, but '" + deal.id() + "' has " + deal.version());
    }
    if (deals.putIfAbsent(deal.id(), deal) != null) {
      throw new DuplicateDealException(deal.id(), deal.processId());
    }
  }

  @Override
  public Optional<Deal> find(String dealId) {
    return Optional.ofNullable(deals.get(Objects.requireNonNull(dealId, "dealId must not be null")));
  }

  @Override
  public void append(Deal deal, TransitionRecord record) {
    Objects.requireNonNull(deal, "deal must not be null");
    Objects.requireNonNull(record, "record must not be null");
    if (deal.version() != record.version() || !deal.stage().equals(record.to())) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' must end with the record being appended");
    }
    long expected = record.version() - 1;
    deals.compute(deal.id(), (id, stored) -> {
      if (stored == null) {
        throw new UnknownDealException(id);
      }
      if (stored.version() != expected) {
        throw new DealVersionConflictException(id, expected, stored.version());
      }
      return deal;
    });
  }

  @Override
  public List<Deal> findByProcess(String processId) {
    Objects.requireNonNull(processId, "processId must not be null");
    return deals.values().stream().filter(d -> d.processId().equals(processId)).toList();
  }

  /**
   * Puts a deal snapshot into the store as it is, replacing whatever is stored under its id, with no version check:
   * to load deals exported from another store, or to rewind a deal to an earlier snapshot in a simulation or a
   * benchmark. Engines never call this; concurrent events at the same deal may be lost across a restore.
   */
  public void restore(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    deals.put(deal.id(), deal);
  }

  /** Returns how many deals are stored. */
  public int size() {
    return deals.size();
  }
}
