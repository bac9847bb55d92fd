package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs simulated threads over shared memory, one action at a time, and keeps what a runtime would see: which thread
 * holds each lock, which threads have finished, the steps so far. Locks are checked, so a schedule that lets two
 * threads hold one lock fails.
 */
final class Machine {

	/** What the machine tells as threads reach their scheduling points. */
	interface Listener {

		void spawned(int parent, int child);

		void announced(int thread, Operation operation);

		void finished(int thread);
	}

	private static final Listener SILENT = new Listener() {

		@Override
		public void spawned(int parent, int child) {
		}

		@Override
		public void announced(int thread, Operation operation) {
		}

		@Override
		public void finished(int thread) {
		}
	};

	private final Map<Resource, Integer> memory = new HashMap<>();
	private final Map<Resource, int[]> locks = new HashMap<>();
	private final Map<Resource, Map<Integer, Integer>> sharedLocks = new HashMap<>();
	private final List<SimThread> threads = new ArrayList<>();
	private final List<Action> next = new ArrayList<>();
	private final List<Boolean> finished = new ArrayList<>();
	private final List<Step> steps = new ArrayList<>();
	private final List<Integer> spawnedNow = new ArrayList<>();
	private Listener listener = SILENT;
	private int current = -1;

	/** Adds a thread before the machine starts; returns its number. */
	int add(SimThread thread) {
		threads.add(thread);
		next.add(null);
		finished.add(false);
		return threads.size() - 1;
	}

	/** Starts a thread from the running thread's code; returns its number. */
	int spawn(SimThread thread) {
		int child = add(thread);
		spawnedNow.add(child);
		return child;
	}

	int initialThreads() {
		return threads.size();
	}

	/** Runs every thread added so far up to its first scheduling point. */
	void start() {
		start(SILENT);
	}

	/** Runs every thread added so far up to its first scheduling point, telling the listener what they do. */
	void start(Listener listener) {
		this.listener = listener;
		int initial = threads.size();
		for (int thread = 0; thread < initial; thread++) {
			advance(thread);
		}
	}

	/** Performs a thread's pending action and returns what it did; {@link #advance} then runs it on. */
	Operation perform(int thread) {
		Action action = next.get(thread);
		if (action == null) {
			throw new IllegalStateException("Thread " + thread + " has finished");
		}
		current = thread;
		Operation performed = action.effect().apply(this);
		current = -1;
		steps.add(new Step(steps.size(), thread, performed));
		return performed;
	}

	/** Runs a thread up to its next scheduling point, and the threads it spawns on the way up to their first. */
	void advance(int thread) {
		current = thread;
		Action action = threads.get(thread).next(this);
		current = -1;
		next.set(thread, action);
		List<Integer> children = new ArrayList<>(spawnedNow);
		spawnedNow.clear();
		for (int child : children) {
			listener.spawned(thread, child);
			advance(child);
		}
		if (action == null) {
			finished.set(thread, true);
			listener.finished(thread);
		} else {
			listener.announced(thread, action.announced());
		}
	}

	/** The threads that can perform their pending action now. */
	List<Integer> runnable() {
		List<Integer> runnable = new ArrayList<>();
		for (int thread = 0; thread < threads.size(); thread++) {
			Action action = next.get(thread);
			if (action != null && canRun(thread, action.announced())) {
				runnable.add(thread);
			}
		}
		return runnable;
	}

	boolean allFinished() {
		return !finished.contains(false);
	}

	List<Step> steps() {
		return steps;
	}

	private boolean canRun(int thread, Operation operation) {
		return switch (operation.kind()) {
			case ACQUIRE -> {
				int[] hold = locks.get(operation.resource());
				yield hold == null ? sharedLocks.getOrDefault(operation.resource(), Map.of()).isEmpty()
						: hold[0] == thread;
			}
			case ACQUIRE_SHARED -> {
				int[] hold = locks.get(operation.resource());
				yield hold == null || hold[0] == thread;
			}
			case JOIN -> finished.get((int) operation.resource().id());
			default -> true;
		};
	}

	int load(Resource cell) {
		return memory.getOrDefault(cell, 0);
	}

	void store(Resource cell, int value) {
		memory.put(cell, value);
	}

	void lock(Resource lock) {
		int[] hold = locks.get(lock);
		if (hold == null && !sharedLocks.getOrDefault(lock, Map.of()).isEmpty()) {
			throw new AssertionError("Thread " + current + " acquired " + lock + " held shared");
		}
		if (hold == null) {
			locks.put(lock, new int[] {current, 1});
		} else if (hold[0] == current) {
			hold[1]++;
		} else {
			throw new AssertionError("Thread " + current + " acquired " + lock + " held by thread " + hold[0]);
		}
	}

	void unlock(Resource lock) {
		int[] hold = locks.get(lock);
		if (hold == null || hold[0] != current) {
			throw new AssertionError("Thread " + current + " released " + lock + " without holding it");
		}
		if (--hold[1] == 0) {
			locks.remove(lock);
		}
	}

	void lockShared(Resource lock) {
		int[] hold = locks.get(lock);
		if (hold != null && hold[0] != current) {
			throw new AssertionError("Thread " + current + " acquired " + lock + " shared, held by thread " + hold[0]);
		}
		sharedLocks.computeIfAbsent(lock, l -> new HashMap<>()).merge(current, 1, Integer::sum);
	}

	void unlockShared(Resource lock) {
		Map<Integer, Integer> holders = sharedLocks.get(lock);
		Integer depth = holders == null ? null : holders.get(current);
		if (depth == null) {
			throw new AssertionError("Thread " + current + " released a shared hold of " + lock + " without one");
		}
		if (depth == 1) {
			holders.remove(current);
		} else {
			holders.put(current, depth - 1);
		}
	}

	void requireFinished(int thread) {
		if (!finished.get(thread)) {
			throw new AssertionError("Thread " + current + " joined thread " + thread + ", which has not finished");
		}
	}
}
