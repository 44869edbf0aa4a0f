/**
 * Implementation of the JDBC store: the JSON codec for deal facts and event payloads. Not API; may change in any
 * release.
 */
@NullMarked
package io.salesflow.store.jdbc.internal;

import org.jspecify.annotations.NullMarked;
