package io.salesflow.store.jdbc;

import io.salesflow.store.DealStore;
import io.salesflow.store.DealStore;

/** The store contract on core's in-memory store: the reference the JDBC stores must match. */
class InMemoryDealStoreContractTests extends DealStoreContractTests {
  @Override
  protected DealStore emptyStore() {
    return DealStore.inMemory();
  }
}
