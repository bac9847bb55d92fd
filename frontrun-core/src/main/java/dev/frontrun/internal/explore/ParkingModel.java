package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.AccessKind;
import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.explore.Worker.WaitKind;
import dev.frontrun.internal.explore.Worker.Waiting;
import dev.frontrun.internal.runtime.Hooks;
import java.util.concurrent.TimeUnit;

/**
 * The model of {@code LockSupport.park} and {@code unpark}, and of interrupts, in a controlled execution.
 *
 * <p>Everything in {@code java.util.concurrent} that is not a modelled lock blocks in {@code LockSupport.park}, which
 * the agent makes call the park hook: a managed thread that parks without a permit announces a wait and is disabled
 * until another managed thread unparks (or interrupts) it, which hands it the permit in the model and orders
 * everything the unparker did before what it does next; the real park never happens. The JDK code between two hooks
 * runs atomically, so the hidden state of a synchronizer changes only in the segment that starts with a call on its
 * object (a {@code CALL_WRITE} of the receiver), or in the one that starts when a parked thread resumes inside such a
 * call, which is reported as a write of the same object: that is how DPOR orders what the synchronizer's users do.
 */
final class ParkingModel {

	private static final int NO_SITE = TurnHandOver.NO_SITE;

	private final ExecutionState execution;
	private final TurnHandOver turn;
	private final VirtualClock clock;
	private final Resources resources;

	ParkingModel(ExecutionState execution, TurnHandOver turn, VirtualClock clock, Resources resources) {
		this.execution = execution;
		this.turn = turn;
		this.clock = clock;
		this.resources = resources;
	}

	/**
	 * The {@code LockSupport.park} hook: a managed thread without a permit waits in the model until it is unparked,
	 * interrupted or its timeout fires.
	 *
	 * @return whether the model performed the park, so that the real one is skipped
	 */
	boolean park(Object blocker, long time, int mode) {
		if (blocker == execution) {
			return false;
		}
		Worker worker = turn.current();
		if (worker == null) {
			return false;
		}
		long timeout = switch (mode) {
		case Hooks.PARK -> Worker.UNTIMED;
		case Hooks.PARK_NANOS -> time;
		default -> TimeUnit.MILLISECONDS.toNanos(time - clock.millis());
		};
		if (timeout <= 0 || worker.thread.isInterrupted()) {
			return true;
		}
		if (worker.permit || worker.externalWake) {
			worker.permit = false;
			worker.externalWake = false;
			return true;
		}
		Operation last = worker.lastOperation;
		if (last != null && worker.context == null
				&& (last.kind() == AccessKind.ACQUIRE || last.kind() == AccessKind.ACQUIRE_SHARED)) {
			// the model gave this thread a lock that is really held: by a thread frontrun does not control
			execution.foreign = true;
		}
		Resource context = worker.context != null ? worker.context : resources.object(worker.thread, worker.index);
		int site = worker.context != null ? worker.contextSite : NO_SITE;
		Operation resume = Operation.write(context);
		Waiting waiting = new Waiting(WaitKind.PARK, Operation.awaitNotify(Resources.waitingOn(context)), resume,
				timeout == Worker.UNTIMED ? Worker.UNTIMED : VirtualClock.deadline(clock.nanos(), timeout), null, true);
		worker.waiting = waiting;
		try {
			turn.block(worker, waiting.operation, null);
		} finally {
			worker.waiting = null;
		}
		turn.performed(worker, resume, NO_SITE);
		worker.context = context;
		worker.contextSite = site;
		return true;
	}

	/**
	 * The {@code LockSupport.unpark} hook: hands a managed thread the permit in the model, or wakes it if it is
	 * parked.
	 *
	 * @return whether the model performed the unpark, so that the real one is skipped
	 */
	boolean unpark(Thread thread) {
		if (thread == null || Thread.currentThread() == execution.controller) {
			return false;
		}
		Worker caller = execution.self();
		if (caller != null && caller.internal) {
			return false;
		}
		Worker target = execution.workerOf(thread);
		if (caller == null) {
			if (target != null) {
				execution.foreign = true;
				target.externalWake = true;
			}
			return false;
		}
		turn.current();
		if (target == null) {
			execution.foreign = true;
			return false;
		}
		turn.ensureArrived(caller);
		Waiting waiting = target.waiting;
		if (waiting != null && waiting.kind == WaitKind.PARK && !waiting.woken) {
			turn.wake(caller, target);
		} else {
			target.permit = true;
		}
		return true;
	}

	/**
	 * The hook at the entry of {@code Thread.interrupt()}: wakes the thread if it waits in the model and an interrupt
	 * ends its wait.
	 */
	void threadInterrupting(Thread thread) {
		if (thread == null || Thread.currentThread() == execution.controller) {
			return;
		}
		Worker caller = execution.self();
		if (caller != null && caller.internal) {
			return;
		}
		Worker target = execution.workerOf(thread);
		if (target == null) {
			return;
		}
		if (caller == null) {
			execution.foreign = true;
			target.externalWake = true;
			return;
		}
		turn.current();
		turn.ensureArrived(caller);
		Waiting waiting = target.waiting;
		if (waiting == null || waiting.woken) {
			return;
		}
		if (waiting.kind == WaitKind.PARK) {
			turn.wake(caller, target);
		} else if (waiting.interruptible) {
			waiting.interrupted = true;
			turn.wake(caller, target);
		}
	}
}
