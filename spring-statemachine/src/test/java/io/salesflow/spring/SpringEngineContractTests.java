package io.salesflow.spring;

import io.salesflow.testkit.DealEngineContract;
import io.salesflow.testkit.EngineFactory;

/** The engine contract from the testkit, unchanged, on the Spring Statemachine engine. */
class SpringEngineContractTests extends DealEngineContract {
  @Override
  protected EngineFactory engineFactory() {
    return EngineFactory.of(SpringStatemachineCompiler.create(4));
  }
}
