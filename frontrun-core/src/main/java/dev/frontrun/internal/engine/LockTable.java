package dev.frontrun.internal.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which thread holds each lock, and how many times over, at one point of an execution: at most one exclusive holder
 * ({@link AccessKind#ACQUIRE}), and any number of shared holders ({@link AccessKind#ACQUIRE_SHARED}) while no other
 * thread holds it exclusively.
 */
final class LockTable {

	private static final class Hold {

		int owner = -1;
		int depth;
		final TreeMap<Integer, Integer> shared = new TreeMap<>();

		boolean isFree() {
			return owner < 0 && shared.isEmpty();
		}
	}

	private final Map<Resource, Hold> holds = new HashMap<>();

	/** Forgets every hold. */
	void clear() {
		holds.clear();
	}

	/** Whether a thread may acquire a lock exclusively: nobody holds it, or the thread holds it exclusively. */
	boolean isAvailableTo(int thread, Resource lock) {
		Hold hold = holds.get(lock);
		return hold == null || hold.owner == thread || hold.isFree();
	}

	/** Whether a thread may acquire a lock in shared mode: no other thread holds it exclusively. */
	boolean isAvailableSharedTo(int thread, Resource lock) {
		Hold hold = holds.get(lock);
		return hold == null || hold.owner < 0 || hold.owner == thread;
	}

	/** The thread holding a lock exclusively, else the lowest-numbered thread holding it shared, or -1 if it is free. */
	int owner(Resource lock) {
		Hold hold = holds.get(lock);
		if (hold == null) {
			return -1;
		}
		return hold.owner >= 0 ? hold.owner : hold.shared.isEmpty() ? -1 : hold.shared.firstKey();
	}

	/** The thread holding a lock exclusively, or -1. */
	int exclusiveOwner(Resource lock) {
		Hold hold = holds.get(lock);
		return hold == null ? -1 : hold.owner;
	}

	/** Whether a thread holds a lock in shared mode. */
	boolean holdsShared(int thread, Resource lock) {
		Hold hold = holds.get(lock);
		return hold != null && hold.shared.containsKey(thread);
	}

	/**
	 * Applies an acquire or a release; other operations leave the table as it is.
	 *
	 * @return true if the operation was nested in an outer acquire of the same lock in the same mode by the same
	 *         thread, and so changed nothing other threads can see
	 */
	boolean apply(int thread, Operation operation) {
		Resource lock = operation.resource();
		Hold hold = holds.get(lock);
		switch (operation.kind()) {
			case ACQUIRE -> {
				if (hold == null) {
					hold = new Hold();
					holds.put(lock, hold);
				}
				if (hold.owner == thread) {
					hold.depth++;
					return true;
				}
				if (!hold.isFree()) {
					throw new IllegalStateException("Thread " + thread + " acquired " + lock + ", which thread "
							+ owner(lock) + " holds");
				}
				hold.owner = thread;
				hold.depth = 1;
				return false;
			}
			case RELEASE -> {
				if (hold == null || hold.owner != thread) {
					throw new IllegalStateException("Thread " + thread + " released " + lock
							+ ", which it does not hold");
				}
				if (--hold.depth == 0) {
					hold.owner = -1;
					removeIfFree(lock, hold);
					return false;
				}
				return true;
			}
			case ACQUIRE_SHARED -> {
				if (hold == null) {
					hold = new Hold();
					holds.put(lock, hold);
				}
				if (hold.owner >= 0 && hold.owner != thread) {
					throw new IllegalStateException("Thread " + thread + " acquired " + lock + " in shared mode, "
							+ "which thread " + hold.owner + " holds exclusively");
				}
				return hold.shared.merge(thread, 1, Integer::sum) > 1;
			}
			case RELEASE_SHARED -> {
				Integer depth = hold == null ? null : hold.shared.get(thread);
				if (depth == null) {
					throw new IllegalStateException("Thread " + thread + " released a shared hold of " + lock
							+ ", which it does not hold");
				}
				if (depth == 1) {
					hold.shared.remove(thread);
					removeIfFree(lock, hold);
					return false;
				}
				hold.shared.put(thread, depth - 1);
				return true;
			}
			default -> {
				return false;
			}
		}
	}

	private void removeIfFree(Resource lock, Hold hold) {
		if (hold.isFree()) {
			holds.remove(lock);
		}
	}
}
