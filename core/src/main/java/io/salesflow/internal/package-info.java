/** Implementation details. Nothing here is API; it may change in any release. */
@NullMarked
package io.salesflow.internal;

import org.jspecify.annotations.NullMarked;
