/**
 * frontrun's public API: force a thread interleaving with a {@link dev.frontrun.Schedule} of
 * {@link dev.frontrun.Step}s run by a {@link dev.frontrun.TraceExecutor}.
 */
package dev.frontrun;
