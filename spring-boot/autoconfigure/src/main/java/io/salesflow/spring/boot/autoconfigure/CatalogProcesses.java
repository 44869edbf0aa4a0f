package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.SalesProcess;
import io.salesflow.catalog.SalesCatalog;
import java.util.List;

/** Reads the catalog; loaded only once the catalog is known to be on the class path. */
final class CatalogProcesses {
  private CatalogProcesses() {}

  static List<SalesProcess> all() {
    return SalesCatalog.all();
  }
}
