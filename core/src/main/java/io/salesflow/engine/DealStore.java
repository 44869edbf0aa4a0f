package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import java.util.List;
import java.util.Optional;

/**
 * Where deals live between events: the store SPI, with optimistic concurrency on the deal's version.
 *
 * <p>Implementations must be thread-safe. {@link InMemoryDealStore} is the default; the {@code salesflow-store-jdbc}
 * module stores deals in H2 or PostgreSQL.
 *
 * @since 0.1
 */
public interface DealStore {

  /**
   * Stores a new deal (version 0, no history).
   *
   * @throws DuplicateDealException if a deal with the same id exists; nothing is written
   */
  void insert(Deal deal);

  /** Returns the deal with the given id, with its full history, if stored. */
  Optional<Deal> find(String dealId);

  /**
   * Records an accepted transition in one atomic step: replaces the stored deal, whose version must be
   * {@code record.version() - 1}, with {@code deal}, and appends {@code record} to its history.
   *
   * @param deal the new snapshot; its version is {@code record.version()} and its history ends with {@code record}
   * @param record the transition to append
   * @throws DealVersionConflictException if the stored version is not {@code record.version() - 1}; nothing is
   *     written
   * @throws UnknownDealException if no such deal is stored
   */
  void append(Deal deal, TransitionRecord record);

  /** Returns the deals of a process, in no particular order. */
  List<Deal> findByProcess(String processId);

  /** Returns the deals of a process that are in the given stage, in no particular order. */
  default List<Deal> findByStage(String processId, String stageId) {
    return findByProcess(processId).stream().filter(d -> d.stage().equals(stageId)).toList();
  }
}
