package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The threads of the current execution: which are running or finished, and what each running one will do next. */
final class ThreadTable {

	private enum State {
		RUNNING, FINISHED
	}

	private final List<State> states = new ArrayList<>();
	private final List<Operation> announced = new ArrayList<>();

	void start(int thread) {
		if (thread < 0) {
			throw new IllegalArgumentException("Thread numbers are at least 0, got " + thread);
		}
		if (thread < states.size() && states.get(thread) != null) {
			throw new IllegalStateException("Thread " + thread + " was started twice in one execution");
		}
		while (states.size() <= thread) {
			states.add(null);
			announced.add(null);
		}
		states.set(thread, State.RUNNING);
	}

	void requireRunning(int thread) {
		if (!isRunning(thread)) {
			throw new IllegalStateException("Thread " + thread + " is not running: "
					+ (isFinished(thread) ? "it has finished" : "it was never started or spawned"));
		}
	}

	void announce(int thread, Operation operation) {
		requireRunning(thread);
		if (announced.get(thread) != null) {
			throw new IllegalStateException("Thread " + thread + " announced " + operation + " while "
					+ announced.get(thread) + " was still pending");
		}
		announced.set(thread, operation);
	}

	/** The operation a running thread announced, or null if it has not announced one since it last ran. */
	Operation announced(int thread) {
		return announced.get(thread);
	}

	void ran(int thread) {
		announced.set(thread, null);
	}

	void finish(int thread) {
		requireRunning(thread);
		if (announced.get(thread) != null) {
			throw new IllegalStateException("Thread " + thread + " finished without performing its announced "
					+ announced.get(thread));
		}
		states.set(thread, State.FINISHED);
	}

	boolean isRunning(int thread) {
		return thread >= 0 && thread < states.size() && states.get(thread) == State.RUNNING;
	}

	boolean isFinished(int thread) {
		return thread >= 0 && thread < states.size() && states.get(thread) == State.FINISHED;
	}

	/** One more than the highest thread number seen. */
	int count() {
		return states.size();
	}

	/** The numbers of the running threads, in increasing order. */
	int[] running() {
		return IntStream.range(0, states.size()).filter(this::isRunning).toArray();
	}
}
