package dev.frontrun.internal.instrument;

/**
 * What the instrumenter must know about a method before it rewrites the method's code.
 *
 * @param maxLocals the number of local variable slots the method uses; the instrumenter's own temporaries go
 *        above them
 * @param firstLine the first line in the method's line number table, or {@link dev.frontrun.internal.runtime.Site#UNKNOWN_LINE} when it has none
 * @param assignsSlotZero whether the code stores into local variable 0, which holds {@code this} in instance
 *        methods unless such a store replaces it
 */
record MethodFacts(int maxLocals, int firstLine, boolean assignsSlotZero) {
}
