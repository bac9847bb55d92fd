/**
 * Explanations: turning a failing execution's operations into the accesses that conflicted, in order, with their
 * source lines and a one-line diagnosis.
 */
package dev.frontrun.internal.explain;
