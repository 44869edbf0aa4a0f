package io.salesflow.testkit;

class TableEngineContractTests extends DealEngineContract {
  @Override
  protected EngineFactory engineFactory() {
    return EngineFactory.tableEngine();
  }
}
