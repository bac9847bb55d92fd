/**
 * The marker-level scheduler behind {@link dev.frontrun.TraceExecutor}: one thread runs at a time, and a
 * thread passes a marker only when the schedule's next step names it.
 */
package dev.frontrun.internal.trace;
