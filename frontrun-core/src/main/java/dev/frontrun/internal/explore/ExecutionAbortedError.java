package dev.frontrun.internal.explore;

/**
 * Thrown from a hook in a managed thread once its execution is over (ended in deadlock, or abandoned), to stop
 * the thread; never reported.
 */
final class ExecutionAbortedError extends Error {

	private static final long serialVersionUID = 1L;

	ExecutionAbortedError() {
		super("the execution is over", null, false, false);
	}
}
