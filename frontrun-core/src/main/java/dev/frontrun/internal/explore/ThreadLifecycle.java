package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.explore.ControlledExecution.ThreadFailure;
import dev.frontrun.internal.runtime.HookHandler;
import java.util.List;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The threads that the managed threads of a controlled execution start and join.
 *
 * <p>A thread that a managed thread starts is managed too: it is registered as the starter's child before it starts,
 * and the starter waits for it to arrive at its first scheduling point (or end) and tells the engine, at its own next
 * hook. A join is a scheduling point that the engine lets past only once the joined thread has ended.
 */
final class ThreadLifecycle {

	private final ExecutionState execution;
	private final TurnHandOver turn;
	private final HookHandler passThrough;
	/** Where a thread the program started records what it threw. */
	private final List<ThreadFailure> failures;

	ThreadLifecycle(ExecutionState execution, TurnHandOver turn, HookHandler passThrough,
			List<ThreadFailure> failures) {
		this.execution = execution;
		this.turn = turn;
		this.passThrough = passThrough;
		this.failures = failures;
	}

	/** The hook that replaces {@code thread.start()} in the program: starts the thread as a managed one. */
	void threadStart(Thread thread, int site) {
		Worker worker = turn.current();
		if (worker == null || thread == null || execution.workerOf(thread) != null) {
			passThrough.threadStart(thread, site);
			return;
		}
		turn.ensureArrived(worker);
		adopt(worker, thread);
		thread.start();
		turn.settleChildren(worker);
	}

	/**
	 * The hook at the entry of {@code Thread.start()}, whoever calls it (JDK code included): adopts the thread if a
	 * managed thread starts it.
	 */
	void threadStarting(Thread thread) {
		if (thread == null || Thread.currentThread() == execution.controller || execution.workerOf(thread) != null) {
			return;
		}
		Worker worker = turn.current();
		if (worker == null) {
			return;
		}
		if (thread instanceof ForkJoinWorkerThread || thread.getState() != Thread.State.NEW) {
			execution.foreign = true;
			return;
		}
		turn.ensureArrived(worker);
		adopt(worker, thread);
	}

	/** Registers a thread that a managed thread is about to start, as a child the engine knows. */
	private Worker adopt(Worker parent, Thread thread) {
		Worker child = execution.register(thread);
		execution.engine.spawned(parent.index, child.index);
		parent.pendingChildren.add(child);
		if (thread.getUncaughtExceptionHandler() == thread.getThreadGroup()) {
			thread.setUncaughtExceptionHandler((t, thrown) -> {
				if (!(thrown instanceof ExecutionAbortedError) && !execution.aborted) {
					synchronized (failures) {
						failures.add(new ThreadFailure(child.index, thrown));
					}
				}
			});
		}
		return child;
	}

	/** The {@code Thread.join} hook, with the timeout in milliseconds. */
	void threadJoin(Thread thread, long millis, int site) throws InterruptedException {
		Worker worker = turn.current();
		Worker joined = thread == null ? null : execution.workerOf(thread);
		if (worker == null || joined == null) {
			passThrough.threadJoin(thread, millis, site);
			return;
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		turn.point(worker, Operation.join(joined.index), site);
		boolean interrupted = false;
		while (thread.isAlive()) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			TurnHandOver.reinterrupt(worker);
		}
	}
}
