/**
 * JSON for Salesflow on Jackson 3: {@link io.salesflow.jackson.SalesflowModule}, to add to a {@code JsonMapper} or
 * to find by service loading. The wire format is the same as that of {@code salesflow-jackson2} on Jackson 2.
 *
 * @since 0.1
 */
@NullMarked
package io.salesflow.jackson;

import org.jspecify.annotations.NullMarked;
