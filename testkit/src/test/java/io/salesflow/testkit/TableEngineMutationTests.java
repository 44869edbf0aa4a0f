package io.salesflow.testkit;

/** The mutation catalogue on wrappers of the table engine. */
class TableEngineMutationTests extends EngineMutationCatalogue {
  @Override
  protected EngineFactory engines() {
    return EngineFactory.tableEngine();
  }
}
