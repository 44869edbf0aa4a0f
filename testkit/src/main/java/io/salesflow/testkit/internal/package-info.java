/**
 * Implementation details of the testkit: the reference model, payload generation, the walk runner, the shrinker and
 * the path driver. Nothing here is API; it may change in any release.
 */
@NullMarked
package io.salesflow.testkit.internal;

import org.jspecify.annotations.NullMarked;
