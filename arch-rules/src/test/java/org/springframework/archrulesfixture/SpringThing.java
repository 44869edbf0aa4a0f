package org.springframework.archrulesfixture;

/**
 * Fixture: stands in for a Spring type, so that the Spring rules are tested on a type in {@code org.springframework}
 * without putting Spring on this module's class path.
 */
public final class SpringThing {
  /** Creates one. */
  public SpringThing() {
  }
}
