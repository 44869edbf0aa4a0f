package io.salesflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * House style for Immutables value types: generated classes stay package-private behind public abstract types.
 *
 * <p>A {@code @Value.Default} under this style must not read other attributes: defaults are computed in the
 * constructor without Immutables' initialisation-order guard ({@code unsafeDefaultAndDerived}).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allParameters = false,
    // every @Value.Default here is a constant that reads no other attribute, so defaults are computed in the
    // constructor directly; the safe variant allocates an init shim and writes a volatile field twice for every
    // instance, a fifth of the cost of an accepted event on the table engine
    unsafeDefaultAndDerived = true,
    // keep @org.immutables.value.Generated off generated classes: users compiling against core do not have it
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = true))
@interface ValueStyle {}
