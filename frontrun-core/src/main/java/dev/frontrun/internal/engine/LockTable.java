package dev.frontrun.internal.engine;

import java.util.HashMap;
import java.util.Map;

/** Which thread holds each lock, and how many times over, at one point of an execution. */
final class LockTable {

	private static final class Hold {

		final int owner;
		int depth = 1;

		Hold(int owner) {
			this.owner = owner;
		}
	}

	private final Map<Resource, Hold> holds = new HashMap<>();

	boolean isAvailableTo(int thread, Resource lock) {
		Hold hold = holds.get(lock);
		return hold == null || hold.owner == thread;
	}

	/** The thread holding a lock, or -1 if it is free. */
	int owner(Resource lock) {
		Hold hold = holds.get(lock);
		return hold == null ? -1 : hold.owner;
	}

	/**
	 * Applies an acquire or a release; other operations leave the table as it is.
	 *
	 * @return true if the operation was nested in an outer acquire of the same lock by the same thread, and so
	 *         changed nothing other threads can see
	 */
	boolean apply(int thread, Operation operation) {
		Resource lock = operation.resource();
		Hold hold = holds.get(lock);
		switch (operation.kind()) {
			case ACQUIRE -> {
				if (hold == null) {
					holds.put(lock, new Hold(thread));
					return false;
				}
				if (hold.owner != thread) {
					throw new IllegalStateException("Thread " + thread + " acquired " + lock + ", which thread "
							+ hold.owner + " holds");
				}
				hold.depth++;
				return true;
			}
			case RELEASE -> {
				if (hold == null || hold.owner != thread) {
					throw new IllegalStateException("Thread " + thread + " released " + lock
							+ ", which it does not hold");
				}
				if (--hold.depth == 0) {
					holds.remove(lock);
					return false;
				}
				return true;
			}
			default -> {
				return false;
			}
		}
	}
}
