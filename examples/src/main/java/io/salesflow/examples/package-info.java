/**
 * Runnable programs that use Salesflow as an application would; the README quotes the regions between
 * {@code tag::} and {@code end::} markers, and a test keeps the two in step.
 */
package io.salesflow.examples;
