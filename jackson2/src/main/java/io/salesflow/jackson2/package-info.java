/**
 * JSON for Salesflow on Jackson 2: {@link io.salesflow.jackson2.SalesflowJackson2Module}, to register with an
 * {@code ObjectMapper} or to find by service loading. The wire format is the same as that of
 * {@code salesflow-jackson} on Jackson 3.
 *
 * @since 0.1
 */
@NullMarked
package io.salesflow.jackson2;

import org.jspecify.annotations.NullMarked;
