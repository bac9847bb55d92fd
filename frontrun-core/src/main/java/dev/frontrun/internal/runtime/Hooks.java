package dev.frontrun.internal.runtime;

import dev.frontrun.internal.trace.ManagedThread;

/**
 * The static methods that instrumented code calls. They must stay cheap for threads that frontrun does not
 * manage, which is every thread outside an executor.
 */
public final class Hooks {

	private Hooks() {
	}

	/**
	 * Gates the calling thread at a marker; a no-op in threads that no executor manages.
	 *
	 * @param name the marker's name
	 */
	public static void marker(String name) {
		if (Thread.currentThread() instanceof ManagedThread thread) {
			thread.gate(name);
		}
	}
}
