package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Operation;

/**
 * One operation of an execution, as it ran: which thread, where in the source, and what it did.
 *
 * @param thread the thread's number
 * @param site the site id of the instruction
 * @param operation what it did
 */
record TraceEntry(int thread, int site, Operation operation) {
}
