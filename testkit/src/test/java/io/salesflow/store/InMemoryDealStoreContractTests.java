package io.salesflow.store;

import io.salesflow.testkit.DealStoreContract;

/**
 * The in-memory store passes the store contract: the reference the JDBC stores must match. In another package than
 * the contract, as a store module is, and written exactly as the contract's Javadoc example.
 */
class InMemoryDealStoreContractTests extends DealStoreContract {
  @Override
  protected DealStore createStore() {
    return DealStore.inMemory();
  }
}
