package dev.frontrun.internal.engine;

import java.util.Arrays;

/** The threads of the current execution: which are running or finished, and what each running one will do next. */
final class ThreadTable {

	private enum State {
		RUNNING, FINISHED
	}

	private State[] states = new State[4];
	private Operation[] announced = new Operation[4];
	/** One more than the highest thread number seen. */
	private int count;
	/** The running threads in increasing order, or null until asked for since they last changed. */
	private int[] running;

	/** Forgets every thread, keeping the room the tables have grown. */
	void clear() {
		Arrays.fill(states, 0, count, null);
		Arrays.fill(announced, 0, count, null);
		count = 0;
		running = null;
	}

	void start(int thread) {
		if (thread < 0) {
			throw new IllegalArgumentException("Thread numbers are at least 0, got " + thread);
		}
		if (thread < count && states[thread] != null) {
			throw new IllegalStateException("Thread " + thread + " was started twice in one execution");
		}
		if (thread >= states.length) {
			int length = Math.max(thread + 1, states.length * 2);
			states = Arrays.copyOf(states, length);
			announced = Arrays.copyOf(announced, length);
		}
		count = Math.max(count, thread + 1);
		states[thread] = State.RUNNING;
		running = null;
	}

	void requireRunning(int thread) {
		if (!isRunning(thread)) {
			throw new IllegalStateException("Thread " + thread + " is not running: "
					+ (isFinished(thread) ? "it has finished" : "it was never started or spawned"));
		}
	}

	void announce(int thread, Operation operation) {
		requireRunning(thread);
		if (announced[thread] != null) {
			throw new IllegalStateException("Thread " + thread + " announced " + operation + " while "
					+ announced[thread] + " was still pending");
		}
		announced[thread] = operation;
	}

	/** The operation a running thread announced, or null if it has not announced one since it last ran. */
	Operation announced(int thread) {
		if (thread < 0 || thread >= count) {
			throw new IndexOutOfBoundsException("No thread " + thread + " has started");
		}
		return announced[thread];
	}

	void ran(int thread) {
		announced[thread] = null;
	}

	void finish(int thread) {
		requireRunning(thread);
		if (announced[thread] != null) {
			throw new IllegalStateException("Thread " + thread + " finished without performing its announced "
					+ announced[thread]);
		}
		states[thread] = State.FINISHED;
		running = null;
	}

	boolean isRunning(int thread) {
		return thread >= 0 && thread < count && states[thread] == State.RUNNING;
	}

	boolean isFinished(int thread) {
		return thread >= 0 && thread < count && states[thread] == State.FINISHED;
	}

	/** One more than the highest thread number seen. */
	int count() {
		return count;
	}

	/**
	 * The numbers of the running threads, in increasing order. The array is shared until a thread starts or
	 * finishes: callers must not change it.
	 */
	int[] running() {
		if (running == null) {
			int size = 0;
			for (int thread = 0; thread < count; thread++) {
				if (states[thread] == State.RUNNING) {
					size++;
				}
			}
			running = new int[size];
			int next = 0;
			for (int thread = 0; thread < count; thread++) {
				if (states[thread] == State.RUNNING) {
					running[next++] = thread;
				}
			}
		}
		return running;
	}
}
