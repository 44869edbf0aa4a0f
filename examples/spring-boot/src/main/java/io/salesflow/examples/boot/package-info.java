/**
 * An example Spring Boot application on the Salesflow starter, quoted by the README's Spring Boot section: REST
 * endpoints over the auto-configured engine.
 */
@NullMarked
package io.salesflow.examples.boot;

import org.jspecify.annotations.NullMarked;
