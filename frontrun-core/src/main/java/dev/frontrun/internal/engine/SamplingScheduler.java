package dev.frontrun.internal.engine;

import dev.frontrun.internal.engine.ExecutionReport.Outcome;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * A scheduler for one execution that picks each step itself, by a rule of its own (random bursts, priorities,
 * following a plan), rather than by exploring traces as {@link DporExplorer} does. Which threads can run is decided
 * exactly as for DPOR, by the same bookkeeping of threads, locks, joins and waits: a thread waiting for a lock another
 * thread holds, for an unfinished thread or for a notification is never chosen.
 *
 * <p>Each scheduler serves one execution. An execution that reaches the limit on steps is ended: the scheduler then
 * names no thread, the runtime stops the threads, and the report's outcome is {@link Outcome#ABANDONED}, with
 * {@link #stepLimitReached()} telling why.
 */
public abstract class SamplingScheduler implements Scheduler {

	private final Execution execution = new Execution();
	private final long number;
	private final int maxSteps;
	private int chosenThread = -1;
	private boolean chosenPreempts;
	private boolean stepLimitReached;
	private boolean ended;

	/**
	 * Creates the scheduler of one execution.
	 *
	 * @param number the execution's number, from 0, as its report gives it
	 * @param maxSteps the most steps the execution may take
	 */
	SamplingScheduler(long number, int maxSteps) {
		if (maxSteps < 1) {
			throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
		}
		this.number = number;
		this.maxSteps = maxSteps;
	}

	@Override
	public final void started(int thread) {
		requireBetweenSteps("started");
		execution.start(thread);
		appeared(thread);
	}

	@Override
	public final void spawned(int parent, int child) {
		requireBetweenSteps("spawned");
		execution.spawn(parent, child);
		appeared(child);
	}

	@Override
	public final void announce(int thread, Operation next) {
		requireBetweenSteps("announce");
		execution.announce(thread, next);
	}

	@Override
	public final void notified(int notifier, int thread, Operation next) {
		requireBetweenSteps("notified");
		execution.notified(notifier, thread, next);
	}

	@Override
	public final void finished(int thread) {
		requireBetweenSteps("finished");
		execution.finish(thread);
	}

	@Override
	public final OptionalInt nextThread() {
		requireBetweenSteps("nextThread");
		int[] running = execution.running();
		int[] enabled = execution.enabled(running);
		if (enabled.length == 0) {
			return OptionalInt.empty();
		}
		if (execution.length() >= maxSteps) {
			stepLimitReached = true;
			return OptionalInt.empty();
		}
		int thread = choose(enabled, running);
		if (Arrays.binarySearch(enabled, thread) < 0) {
			throw new IllegalStateException("The scheduler chose thread " + thread + ", which cannot run now; threads "
					+ "able to run: " + Arrays.toString(enabled));
		}
		int previous = execution.previousThread();
		chosenPreempts = previous >= 0 && previous != thread && Arrays.binarySearch(enabled, previous) >= 0;
		chosenThread = thread;
		return ChosenThread.of(thread);
	}

	@Override
	public final void executed(int thread, Operation operation) {
		if (ended) {
			throw new IllegalStateException("executed() called after endExecution()");
		}
		if (thread != chosenThread) {
			throw new IllegalStateException(chosenThread < 0 ? "executed() called for thread " + thread
					+ " but nextThread() chose no thread" : "executed() called for thread " + thread
					+ " but nextThread() chose thread " + chosenThread);
		}
		execution.add(thread, operation, chosenPreempts);
		chosenThread = -1;
		ran(thread, operation);
	}

	@Override
	public final ExecutionReport endExecution() {
		requireBetweenSteps("endExecution");
		ended = true;
		ExecutionReport report = execution.report(number, execution.outcome());
		ended(report);
		return report;
	}

	/**
	 * Tells whether the execution was ended because it reached the limit on steps.
	 *
	 * @return {@code true} if the scheduler stopped naming threads at the limit
	 */
	public final boolean stepLimitReached() {
		return stepLimitReached;
	}

	/**
	 * How many preemptions the schedule so far has: switches away from a thread that could have gone on.
	 *
	 * @return the count
	 */
	public final int preemptions() {
		return execution.preemptions();
	}

	/**
	 * Chooses the thread for the next step.
	 *
	 * @param enabled the threads that can run, in increasing order, at least one
	 * @param running every running thread, enabled or not, in increasing order
	 * @return one of the enabled threads
	 */
	abstract int choose(int[] enabled, int[] running);

	/** Called when a thread is started or spawned, before it announces anything. */
	void appeared(int thread) {
	}

	/** Called after a thread performed a step. */
	void ran(int thread, Operation operation) {
	}

	/** Called once the execution has ended. */
	void ended(ExecutionReport report) {
	}

	/** The operation a running thread announced, or {@code null}. */
	final Operation announced(int thread) {
		return execution.announced(thread);
	}

	/** The thread that performed the last step, or -1. */
	final int previousThread() {
		return execution.previousThread();
	}

	/** How many steps have run. */
	final int steps() {
		return execution.length();
	}

	private void requireBetweenSteps(String method) {
		if (ended) {
			throw new IllegalStateException(method + "() called after endExecution()");
		}
		if (chosenThread >= 0) {
			throw new IllegalStateException(method + "() called while thread " + chosenThread
					+ " was chosen to run: report its operation with executed() first");
		}
	}
}
