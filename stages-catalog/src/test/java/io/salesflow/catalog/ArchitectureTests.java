package io.salesflow.catalog;

import io.salesflow.archrules.LibraryArchitectureTests;


/** The catalog's main classes keep the architecture rules of every published Salesflow module. */
class ArchitectureTests extends LibraryArchitectureTests {
  ArchitectureTests() {
    super(CatalogStages.class, "io.salesflow.catalog");
  }
}
