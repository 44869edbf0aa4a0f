package io.salesflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * {@link ValueStyle} for a value type whose builder is written by hand: Immutables generates no builder, only
 * {@code of(...)} and the {@code with} copies.
 *
 * <p>A style rather than {@code @Value.Immutable(builder = false)}, because annotation arguments stay in the class
 * file: a consumer compiling with {@code -Werror} and without Immutables on its class path would fail on "cannot find
 * annotation method 'builder()'". Styles have source retention.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allParameters = false,
    unsafeDefaultAndDerived = true,
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(builder = false, copy = true))
@interface HandBuiltValueStyle {}
