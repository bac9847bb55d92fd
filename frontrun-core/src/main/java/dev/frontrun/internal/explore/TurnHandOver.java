package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.ReplayDivergenceException;
import dev.frontrun.internal.explore.BodyThreads.BodyThread;
import dev.frontrun.internal.explore.Worker.Waiting;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-over of the single turn to run between the managed threads of a controlled execution, as the engine
 * decides, from the first scheduling point to the end.
 *
 * <p>Exactly one managed thread runs between scheduling points. At a hook, the running thread announces its next
 * operation and asks the engine which thread goes next; if another, it hands the turn over (setting that thread's
 * flag and unparking it) and parks until the turn comes back. Code between hooks touches nothing shared that
 * frontrun can see, so letting a thread that does not hold the turn run up to its next hook (a thread that was just
 * started, say) changes nothing. Such a thread does not talk to the engine: it records its first operation and
 * waits; the thread that started it (or the controlling thread, for the exploration's own threads) announces it to
 * the engine at its own next hook.
 *
 * <p>A thread that waits in the model (parked, or in a wait set) announces the wait and is disabled until another
 * thread wakes it, or its timeout fires when no thread can run otherwise (see {@link VirtualClock}).
 *
 * <p>The execution ends when the engine has no thread to run: all finished, or the rest are deadlocked. The
 * controlling thread (the test's) waits for the end within the per-execution timeout, and then stops the threads
 * that are left by throwing an error from their next hook.
 */
final class TurnHandOver {

	/** A site for a scheduling point that does not appear in the trace. */
	static final int NO_SITE = -1;
	private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
	private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
	/** Read here, on the controlling thread that first creates an execution, never on a managed thread. */
	private static final boolean UNDER_DEBUGGER = Debugger.ATTACHED;

	private final ExecutionState execution;
	private final VirtualClock clock;
	private final List<TraceEntry> trace = new ArrayList<>();

	private volatile Worker running;
	private volatile boolean ended;

	TurnHandOver(ExecutionState execution, VirtualClock clock) {
		this.execution = execution;
		this.clock = clock;
	}

	/** The operations in the order they ran, with their sites. */
	List<TraceEntry> trace() {
		return trace;
	}

	/**
	 * Hands the turn to the thread the engine chooses first, once every thread of the exploration has arrived, or
	 * ends the execution if none can run.
	 *
	 * @throws ExecutionAbortedError if a replay diverged
	 */
	void handFirst() {
		OptionalInt first = schedule();
		if (first.isEmpty()) {
			ended = true;
		} else {
			handTo(execution.byIndex.get(first.getAsInt()));
		}
	}

	/**
	 * The worker of the calling thread at a hook, once the threads it started have been settled, or {@code null} if
	 * the hook is not the execution's to handle: the thread is not managed, or the scheduler itself runs on it.
	 *
	 * @throws ExecutionAbortedError if the execution is over
	 */
	Worker current() {
		Worker worker = execution.self();
		if (worker == null || worker.internal) {
			return null;
		}
		if (execution.aborted) {
			throw new ExecutionAbortedError();
		}
		if (!worker.pendingChildren.isEmpty()) {
			settleChildren(worker);
		}
		return worker;
	}

	/** Asks the engine for the next thread; a replay that diverges ends the execution. */
	private OptionalInt next() {
		try {
			return execution.engine.nextThread();
		} catch (ReplayDivergenceException e) {
			throw diverged(e);
		}
	}

	/**
	 * Asks the engine for the next thread; when none can run, wakes a thread whose timeout fires or that a thread
	 * frontrun does not manage woke, and asks again.
	 */
	private OptionalInt schedule() {
		while (true) {
			OptionalInt next = next();
			if (next.isPresent() || !clock.wakeAtQuiescence()) {
				return next;
			}
		}
	}

	/** Tells the engine what a worker did; a replay that diverges ends the execution. */
	private void executed(Worker worker, Operation operation) {
		try {
			execution.engine.executed(worker.index, operation);
		} catch (ReplayDivergenceException e) {
			throw diverged(e);
		}
	}

	private ExecutionAbortedError diverged(ReplayDivergenceException e) {
		execution.divergence = "the replayed schedule no longer applies: " + e.getMessage();
		end();
		return new ExecutionAbortedError();
	}

	/** A scheduling point: announces the operation, waits to be chosen for it, records that it ran. */
	void point(Worker worker, Operation operation, int site) {
		announce(worker, operation);
		performed(worker, operation, site);
	}

	/** Records that the chosen worker performed an operation. */
	void performed(Worker worker, Operation operation, int site) {
		executed(worker, operation);
		if (site != NO_SITE) {
			trace.add(new TraceEntry(worker.index, site, operation));
		}
		worker.lastOperation = operation;
		worker.context = null;
	}

	/**
	 * A scheduling point of a call into code frontrun does not instrument, whose object the code then changes; on a
	 * synchronizer, or from JDK code, it is left out of the trace that explanations show, which is about the data.
	 */
	void callPoint(Worker worker, Operation operation, int site, boolean traced) {
		point(worker, operation, traced ? site : NO_SITE);
		worker.context = operation.resource();
		worker.contextSite = site;
	}

	/** Announces a worker's next operation and returns when the engine has chosen the worker to perform it. */
	void announce(Worker worker, Operation operation) {
		if (arrivesWith(worker, operation)) {
			return;
		}
		execution.engine.announce(worker.index, operation);
		choose(worker);
	}

	/**
	 * If this is the worker's first scheduling point, records its operation for whoever waits for the worker to
	 * arrive (who tells the engine) and returns with the turn.
	 *
	 * @return whether it was the first
	 */
	private boolean arrivesWith(Worker worker, Operation first) {
		if (worker.arrived) {
			return false;
		}
		worker.firstOperation = first;
		arrive(worker);
		waitForTurn(worker);
		return true;
	}

	/** Marks a worker arrived at its first scheduling point (or its end), and wakes whoever waits for that. */
	private void arrive(Worker worker) {
		worker.arrived = true;
		Thread awaiter = worker.awaiter;
		if (awaiter != null) {
			unparkInternally(awaiter);
		}
	}

	/** Makes sure a worker that is about to talk to the engine has arrived and holds the turn. */
	void ensureArrived(Worker worker) {
		if (!worker.arrived) {
			point(worker, Operation.read(Resources.privateTo(worker.index)), NO_SITE);
		}
	}

	/** Asks the engine who goes next; returns when it is this worker's turn. */
	private void choose(Worker worker) {
		OptionalInt next = schedule();
		if (next.isEmpty()) {
			end();
			waitForTurn(worker);
		} else if (next.getAsInt() != worker.index) {
			handTo(execution.byIndex.get(next.getAsInt()));
			waitForTurn(worker);
		}
	}

	private void handTo(Worker next) {
		running = next;
		Worker self = execution.self();
		if (self != null) {
			self.internal = true;
			try {
				next.wake();
			} finally {
				self.internal = false;
			}
		} else {
			next.wake();
		}
	}

	private void unparkInternally(Thread thread) {
		Worker self = execution.self();
		if (self != null) {
			self.internal = true;
			try {
				LockSupport.unpark(thread);
			} finally {
				self.internal = false;
			}
		} else {
			LockSupport.unpark(thread);
		}
	}

	/**
	 * Waits until the worker has the turn. A real interrupt that arrives meanwhile is kept for when the worker runs
	 * again, so that it does not spin here.
	 */
	private void waitForTurn(Worker worker) {
		worker.waitingForTurn = true;
		boolean interrupted = false;
		while (!worker.turn && !execution.aborted) {
			LockSupport.parkNanos(execution, PARK_NANOS);
			interrupted |= Thread.interrupted();
		}
		worker.waitingForTurn = false;
		if (execution.aborted) {
			throw new ExecutionAbortedError();
		}
		worker.turn = false;
		if (interrupted) {
			reinterrupt(worker);
		}
	}

	/** Interrupts a worker's thread again, from the thread itself, without the hooks seeing it. */
	static void reinterrupt(Worker worker) {
		worker.internal = true;
		try {
			worker.thread.interrupt();
		} finally {
			worker.internal = false;
		}
	}

	/** Tells the engine that a worker ended its body, and hands the turn on. */
	void finish(Worker worker) {
		if (execution.aborted) {
			return;
		}
		settleChildren(worker);
		worker.finished = true;
		if (!worker.arrived) {
			worker.firstOperation = null;
			arrive(worker);
			return;
		}
		execution.engine.finished(worker.index);
		handOnOrEnd();
	}

	/** Hands the turn to the thread the engine chooses next, or ends the execution if none can run. */
	private void handOnOrEnd() {
		OptionalInt next = schedule();
		if (next.isEmpty()) {
			end();
		} else {
			handTo(execution.byIndex.get(next.getAsInt()));
		}
	}

	private void end() {
		running = null;
		ended = true;
		unparkInternally(execution.controller);
	}

	/**
	 * Waits, on the controlling thread, for a worker to arrive at its first scheduling point (or end).
	 *
	 * @return {@code false} if it did not by the deadline
	 */
	boolean awaitArrival(Worker worker, long deadline) {
		worker.awaiter = Thread.currentThread();
		while (!worker.arrived && worker.thread.isAlive()) {
			if (System.nanoTime() > deadline && !UNDER_DEBUGGER) {
				return false;
			}
			LockSupport.parkNanos(execution, ExecutionState.POLL_NANOS);
		}
		return true;
	}

	/** Tells the engine about a worker that has arrived or died: its first operation, or its end. */
	void settle(Worker worker) {
		if (worker.settled) {
			return;
		}
		worker.settled = true;
		if (worker.arrived && worker.firstOperation != null) {
			execution.engine.announce(worker.index, worker.firstOperation);
		} else {
			worker.finished = true;
			execution.engine.finished(worker.index);
		}
	}

	/**
	 * Waits for the threads a worker started to arrive at their first scheduling point (or end), and tells the
	 * execution.engine. A child that blocks where frontrun cannot see before it arrives ends the execution.
	 */
	void settleChildren(Worker parent) {
		List<Worker> children = new ArrayList<>(parent.pendingChildren);
		parent.pendingChildren.clear();
		for (Worker child : children) {
			long stalledSince = 0;
			child.awaiter = Thread.currentThread();
			while (!child.arrived && child.thread.isAlive()) {
				if (execution.aborted) {
					throw new ExecutionAbortedError();
				}
				Thread.State state = child.thread.getState();
				long now = System.nanoTime();
				if (!UNDER_DEBUGGER && (state == Thread.State.BLOCKED || state == Thread.State.WAITING)) {
					stalledSince = stalledSince == 0 ? now : stalledSince;
					if (now - stalledSince > STALL_NANOS) {
						execution.divergence = "thread " + child.index + " blocked where frontrun cannot see before "
								+ "its first operation: " + ExecutionState.where(child);
						end();
						throw new ExecutionAbortedError();
					}
				} else {
					stalledSince = 0;
				}
				parent.internal = true;
				try {
					LockSupport.parkNanos(execution, ExecutionState.POLL_NANOS);
				} finally {
					parent.internal = false;
				}
			}
			settle(child);
		}
	}

	/** Waits for the end; returns why the execution had to be abandoned, or {@code null}. */
	String awaitEnd(long deadline) {
		long stalledSince = 0;
		while (!ended || execution.divergence != null) {
			if (execution.divergence != null) {
				return execution.divergence;
			}
			Worker holder = running;
			if (holder != null && !holder.reportsItsEnd && !holder.finished && !holder.waitingForTurn
					&& !holder.thread.isAlive()) {
				try {
					finishDead(holder);
				} catch (ExecutionAbortedError e) {
					return execution.divergence != null ? execution.divergence : "the execution was execution.aborted";
				}
				continue;
			}
			long now = System.nanoTime();
			if (now > deadline && !UNDER_DEBUGGER) {
				return "the execution did not finish within the per-execution timeout: "
						+ (holder == null ? "no thread was running" : ExecutionState.where(holder));
			}
			if (holder != null && !UNDER_DEBUGGER && blockedOutside(holder)) {
				stalledSince = stalledSince == 0 ? now : stalledSince;
				if (now - stalledSince > STALL_NANOS) {
					return "thread " + holder.index + " blocked where frontrun cannot see: "
							+ ExecutionState.where(holder);
				}
			} else {
				stalledSince = 0;
			}
			LockSupport.parkNanos(execution, ExecutionState.POLL_NANOS);
		}
		return null;
	}

	/** A thread started by the program ended without a hook after its last operation. */
	private void finishDead(Worker worker) {
		settleChildren(worker);
		worker.finished = true;
		execution.engine.finished(worker.index);
		handOnOrEnd();
	}

	private static boolean blockedOutside(Worker worker) {
		if (worker.waitingForTurn || worker.waitMonitor != null) {
			return false;
		}
		Thread.State state = worker.thread.getState();
		return state == Thread.State.BLOCKED || state == Thread.State.WAITING;
	}

	/** Ends the execution: the threads that are left stop at their next hook; waits a little for them to. */
	void stopThreads() {
		execution.aborted = true;
		for (Worker worker : execution.byIndex) {
			worker.wake();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		for (Worker worker : execution.byIndex) {
			long left = deadline - System.nanoTime();
			if (left <= 0 || worker.thread == execution.controller) {
				continue;
			}
			if (worker.thread instanceof BodyThread body) {
				body.awaitIdle(left);
			} else {
				try {
					worker.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	// ------------------------------------------------------------------------------------------- waiting

	/**
	 * Announces a wait and blocks until the worker is woken and chosen: by the wait's wake-up (a notification, an
	 * unpark, an interrupt) or by its timeout, which fires only when no thread can run otherwise. On return the
	 * worker holds the turn and its announced operation is {@link Waiting#resume}.
	 *
	 * @param monitor the monitor to really wait on, which the worker holds, or {@code null} to park
	 */
	void block(Worker worker, Operation wait, Object monitor) {
		if (arrivesWith(worker, wait)) {
			return;
		}
		execution.engine.announce(worker.index, wait);
		if (monitor != null) {
			worker.waitMonitor = monitor;
		}
		OptionalInt next = schedule();
		if (next.isEmpty()) {
			end();
		} else if (next.getAsInt() == worker.index) {
			worker.turn = true;
		} else {
			handTo(execution.byIndex.get(next.getAsInt()));
		}
		if (monitor == null) {
			waitForTurn(worker);
			return;
		}
		worker.waitingForTurn = true;
		boolean interrupted = false;
		while (!worker.turn && !execution.aborted) {
			try {
				monitor.wait(TimeUnit.NANOSECONDS.toMillis(PARK_NANOS));
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		worker.waitingForTurn = false;
		worker.waitMonitor = null;
		if (execution.aborted) {
			throw new ExecutionAbortedError();
		}
		worker.turn = false;
		if (interrupted && !worker.waiting.interrupted) {
			reinterrupt(worker);
		}
	}

	/**
	 * Wakes a worker that waits in the model, from the thread that holds the turn: everything that thread did so far
	 * happens before what the woken one does next.
	 */
	void wake(Worker waker, Worker waiter) {
		Waiting waiting = waiter.waiting;
		waiting.woken = true;
		execution.leaveWaitSet(waiter, waiting);
		execution.engine.notified(waker.index, waiter.index, waiting.resume);
	}
}
