package io.salesflow.engine;

import io.salesflow.testkit.DealEngineContract;
import io.salesflow.testkit.EngineFactory;

/**
 * The table engine passes the engine contract; in another package than the contract, as an engine module is, and
 * written exactly as the contract's Javadoc example.
 */
class TableEngineContractTests extends DealEngineContract {
  @Override
  protected EngineFactory engineFactory() {
    return EngineFactory.tableEngine();
  }
}
