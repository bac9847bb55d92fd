package dev.frontrun.internal.engine;

import java.util.OptionalInt;

/**
 * Decides which thread runs at each scheduling point of one execution, from what the runtime tells it the threads
 * do. The runtime drives real threads the same way whatever the strategy: {@link DporExplorer} explores every
 * trace once; other strategies sample schedules.
 *
 * <p>Protocol, for one execution: {@link #started} for each thread the setup starts; each thread then runs up to
 * its first scheduling point and is {@link #announce announced} or {@link #finished}; then, while
 * {@link #nextThread()} names a thread, that thread performs its announced operation ({@link #executed}) and runs
 * on to its next point ({@link #announce}, {@link #spawned} for threads it starts, {@link #notified} for threads
 * it notifies, or {@link #finished}); {@link #endExecution()} ends it.
 */
public interface Scheduler {

	/**
	 * Registers a thread started by the setup.
	 *
	 * @param thread its number
	 */
	void started(int thread);

	/**
	 * Registers a thread started by a running thread.
	 *
	 * @param parent the thread that started it
	 * @param child its number
	 */
	void spawned(int parent, int child);

	/**
	 * Tells what a thread will do at its next scheduling point, where it now waits.
	 *
	 * @param thread the thread
	 * @param next its next operation
	 */
	void announce(int thread, Operation next);

	/**
	 * Tells what a thread waiting to be notified does now that it has been.
	 *
	 * @param notifier the thread that notified it
	 * @param thread the notified thread
	 * @param next its next operation
	 */
	void notified(int notifier, int thread, Operation next);

	/**
	 * Tells that a thread has ended.
	 *
	 * @param thread the thread
	 */
	void finished(int thread);

	/**
	 * Chooses the thread that performs its announced operation next.
	 *
	 * @return the thread, or nothing when none can run
	 */
	OptionalInt nextThread();

	/**
	 * Tells that the chosen thread has performed its operation.
	 *
	 * @param thread the chosen thread
	 * @param operation what it did
	 */
	void executed(int thread, Operation operation);

	/**
	 * Ends the execution.
	 *
	 * @return what happened in it
	 */
	ExecutionReport endExecution();
}
