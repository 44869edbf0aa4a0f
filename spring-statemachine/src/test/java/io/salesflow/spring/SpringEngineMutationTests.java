package io.salesflow.spring;

import io.salesflow.testkit.EngineFactory;
import io.salesflow.testkit.EngineMutationCatalogue;

/** The testkit's mutation catalogue on wrappers of the Spring Statemachine engine. */
class SpringEngineMutationTests extends EngineMutationCatalogue {
  @Override
  protected EngineFactory engines() {
    return EngineFactory.of(SpringStatemachineCompiler.create(2));
  }
}
