package io.salesflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/** House style for Immutables value types: generated classes stay package-private behind public abstract types. */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allParameters = false,
    // keep @org.immutables.value.Generated off generated classes: users compiling against core do not have it
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = true))
@interface ValueStyle {}
