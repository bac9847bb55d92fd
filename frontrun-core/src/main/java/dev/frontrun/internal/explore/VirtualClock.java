package dev.frontrun.internal.explore;

import dev.frontrun.internal.explore.Worker.WaitKind;
import dev.frontrun.internal.explore.Worker.Waiting;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The time of a controlled execution, and the wake-ups that happen only when no thread can run otherwise.
 *
 * <p>Timed waits (timed parks, {@code wait(millis)}, {@code await(timeout)}) time out only when no thread can run
 * otherwise: then the one with the earliest deadline does, after everything that happened so far, and the virtual
 * clock that {@code java.util.concurrent} reads jumps to its deadline. The clock does not move otherwise, so a run
 * does not depend on how fast the machine is. A parked thread that a thread frontrun does not manage woke resumes at
 * the same kind of point.
 */
final class VirtualClock {

	private static final long EXTERNAL_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	private final ExecutionState execution;
	private final long clockBase = System.nanoTime();
	private final long wallClockBase = System.currentTimeMillis();
	/** How far the virtual clock has moved, in nanoseconds, by timeouts. */
	private volatile long clockOffset;

	VirtualClock(ExecutionState execution) {
		this.execution = execution;
	}

	/** The virtual time, in the nanoseconds of {@code System.nanoTime}. */
	long nanos() {
		return clockBase + clockOffset;
	}

	/** The virtual wall-clock time, in the milliseconds of {@code System.currentTimeMillis}. */
	long millis() {
		return wallClockBase + TimeUnit.NANOSECONDS.toMillis(clockOffset);
	}

	/** The deadline of a timed wait that begins now, at {@link Worker#UNTIMED} less one at the most. */
	static long deadline(long now, long timeoutNanos) {
		long deadline = now + timeoutNanos;
		return timeoutNanos > 0 && deadline < now ? Worker.UNTIMED - 1 : deadline;
	}

	/**
	 * When no thread can run: wakes a parked thread that a thread frontrun does not manage woke, or else fires the
	 * earliest timeout, moving the virtual clock to it. What the woken thread does next happens after everything
	 * so far, so no reordering runs it before the point where nothing else could run.
	 *
	 * @return whether a thread was woken
	 */
	boolean wakeAtQuiescence() {
		Worker woken = externallyWoken();
		if (woken == null) {
			for (Worker worker : execution.byIndex) {
				Waiting waiting = worker.waiting;
				if (waiting != null && !waiting.woken && waiting.deadline != Worker.UNTIMED && !worker.finished
						&& (woken == null || waiting.deadline < woken.waiting.deadline)) {
					woken = worker;
				}
			}
			if (woken != null) {
				long now = nanos();
				if (woken.waiting.deadline > now) {
					clockOffset += woken.waiting.deadline - now;
				}
				woken.waiting.timedOut = true;
			}
		}
		Worker parked = woken == null && execution.foreign ? parkedNotIdle() : null;
		if (parked != null) {
			long until = System.nanoTime() + EXTERNAL_GRACE_NANOS;
			while (woken == null && System.nanoTime() < until && !execution.aborted) {
				LockSupport.parkNanos(execution, ExecutionState.POLL_NANOS);
				woken = externallyWoken();
			}
			if (woken == null) {
				execution.divergence = "thread " + parked.index + " is parked, and only a thread frontrun does not "
						+ "control could wake it (threads of the common pool, or started before the exploration): "
						+ ExecutionState.where(parked);
				return false;
			}
		}
		if (woken == null) {
			return false;
		}
		woken.externalWake = false;
		Waiting waiting = woken.waiting;
		waiting.woken = true;
		execution.leaveWaitSet(woken, waiting);
		List<Integer> others = new ArrayList<>();
		for (Worker other : execution.byIndex) {
			if (other != woken) {
				others.add(other.index);
			}
		}
		for (int i = 0; i + 1 < others.size(); i++) {
			execution.engine.notified(others.get(i), woken.index, waiting.operation);
		}
		execution.engine.notified(others.isEmpty() ? woken.index : others.get(others.size() - 1), woken.index,
				waiting.resume);
		return true;
	}

	private Worker externallyWoken() {
		for (Worker worker : execution.byIndex) {
			Waiting waiting = worker.waiting;
			if (worker.externalWake && waiting != null && !waiting.woken && waiting.kind == WaitKind.PARK) {
				return worker;
			}
		}
		return null;
	}

	private Worker parkedNotIdle() {
		for (Worker worker : execution.byIndex) {
			Waiting waiting = worker.waiting;
			if (waiting != null && !waiting.woken && waiting.kind == WaitKind.PARK
					&& !ExecutionState.isIdlePoolWorker(worker)) {
				return worker;
			}
		}
		return null;
	}
}
