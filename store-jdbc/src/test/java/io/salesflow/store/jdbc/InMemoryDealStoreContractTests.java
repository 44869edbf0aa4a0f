package io.salesflow.store.jdbc;

import io.salesflow.engine.DealStore;
import io.salesflow.engine.InMemoryDealStore;

/** The store contract on core's in-memory store: the reference the JDBC stores must match. */
class InMemoryDealStoreContractTests extends DealStoreContractTests {
  @Override
  protected DealStore emptyStore() {
    return new InMemoryDealStore();
  }
}
