package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.explore.JdkInternals.ModelledLock;
import dev.frontrun.internal.explore.Worker.WaitKind;
import dev.frontrun.internal.explore.Worker.Waiting;
import dev.frontrun.internal.runtime.HookHandler;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * The model of monitors and of the JDK's locks in a controlled execution, with their wait sets and conditions.
 *
 * <p>{@code monitorEnter} is announced before the real {@code MONITORENTER}, so the engine lets a thread past only
 * when no other managed thread holds the monitor, and the real one never blocks. The same goes for the calls of the
 * user's code on a {@code ReentrantLock} and on the views of a {@code ReentrantReadWriteLock} (the read lock held in
 * shared mode): the real call follows the model's decision and never blocks. {@code Object.wait} and
 * {@code Condition.await} on such a lock release it in the model, wait in the model's wait set until a notification,
 * a signal, an interrupt or a timeout, and take it back; {@code notify} and {@code signal} move the first waiter to
 * wanting the lock back.
 */
final class LockModel {

	private static final int NO_SITE = TurnHandOver.NO_SITE;

	private final ExecutionState execution;
	private final TurnHandOver turn;
	private final VirtualClock clock;
	private final Resources resources;
	private final HookHandler passThrough;
	private final Map<Object, LockView> lockOfSync = new IdentityHashMap<>();

	/** A modelled lock as one of its views sees it, with the view whose conditions wait on it. */
	private record LockView(ModelledLock model, Lock view) {
	}

	LockModel(ExecutionState execution, TurnHandOver turn, VirtualClock clock, Resources resources,
			HookHandler passThrough) {
		this.execution = execution;
		this.turn = turn;
		this.clock = clock;
		this.resources = resources;
		this.passThrough = passThrough;
	}

	/**
	 * Models the calls of the user's code on a {@code ReentrantLock} and on the views of a
	 * {@code ReentrantReadWriteLock}: {@code lock} and {@code lockInterruptibly} acquire (the read lock in shared
	 * mode), {@code unlock} releases, {@code tryLock} acquires when the lock is available to this thread and
	 * otherwise only reads it, and the real call fails. The real call follows and never blocks, since the model lets
	 * a thread past only when the lock is available to it. A {@code tryLock} with a timeout fails at once when the
	 * lock is not available, as if it had timed out.
	 *
	 * @return whether the call was modelled; other methods, and other locks, are plain calls
	 */
	boolean lockCall(Worker worker, Object receiver, String method, int site) {
		ModelledLock model = JdkInternals.model(receiver);
		if (model == null) {
			return false;
		}
		if (model.mode() == JdkInternals.Mode.EXCLUSIVE) {
			lockOfSync.putIfAbsent(model.sync(), new LockView(model, (Lock) receiver));
		}
		Object key = model.key();
		boolean shared = model.mode() == JdkInternals.Mode.SHARED;
		Resource resource = resources.monitor(key, worker.index);
		switch (method) {
		case "lock", "lockInterruptibly" -> {
			boolean interruptible = method.equals("lockInterruptibly");
			if (interruptible && worker.thread.isInterrupted()) {
				turn.point(worker, Operation.read(resources.object(key, worker.index)), NO_SITE);
				return true;
			}
			acquire(worker, key, resource, shared, site);
			if (interruptible && worker.thread.isInterrupted()) {
				release(worker, key, resource, shared, site);
			}
		}
		case "tryLock" -> {
			if (isAvailable(worker, key, shared)) {
				acquire(worker, key, resource, shared, site);
			} else {
				turn.point(worker, Operation.read(resources.object(key, worker.index)), NO_SITE);
			}
		}
		case "unlock" -> {
			if (worker.holds(shared).depth(key) == 0) {
				return false;
			}
			release(worker, key, resource, shared, site);
		}
		default -> {
			return false;
		}
		}
		return true;
	}

	private void acquire(Worker worker, Object key, Resource resource, boolean shared, int site) {
		turn.point(worker, shared ? Operation.acquireShared(resource) : Operation.acquire(resource), site);
		worker.holds(shared).enter(key);
	}

	private void release(Worker worker, Object key, Resource resource, boolean shared, int site) {
		worker.holds(shared).exit(key);
		turn.point(worker, shared ? Operation.releaseShared(resource) : Operation.release(resource), site);
	}

	private boolean isAvailable(Worker worker, Object key, boolean shared) {
		for (Worker other : execution.byIndex) {
			if (other != worker && other.monitors.depth(key) > 0) {
				return false;
			}
			if (!shared && other.sharedHolds.depth(key) > 0) {
				return false;
			}
		}
		return true;
	}

	// ------------------------------------------------------------------------------------------- monitors

	/** The {@code monitorEnter} hook: acquires the monitor in the model, then lets the real one happen. */
	void monitorEnter(Object monitor, int site) {
		Worker worker = turn.current();
		if (worker == null || monitor == null) {
			passThrough.monitorEnter(monitor, site);
			return;
		}
		turn.point(worker, Operation.acquire(resources.monitor(monitor, worker.index)), site);
		worker.monitors.enter(monitor);
	}

	/** The {@code monitorExit} hook: releases the monitor in the model. */
	void monitorExit(Object monitor, int site) {
		Worker worker = execution.self();
		if (worker == null || worker.internal || execution.aborted || monitor == null) {
			passThrough.monitorExit(monitor, site);
			return;
		}
		worker.monitors.exit(monitor);
		try {
			turn.point(worker, Operation.release(resources.monitor(monitor, worker.index)), site);
		} catch (ExecutionAbortedError e) {
			// must return normally here; the thread is stopped at its next hook
		}
	}

	/** The {@code Object.wait} hook, with the timeout in milliseconds ({@code 0} for none). */
	void waitOn(Object monitor, long millis, int site) throws InterruptedException {
		Worker worker = turn.current();
		if (worker == null || monitor == null || worker.monitors.depth(monitor) == 0 || millis < 0) {
			passThrough.waitOn(monitor, millis, site);
			return;
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		Resource lock = resources.monitor(monitor, worker.index);
		modelWait(worker, monitor, monitor, lock, waitSet(lock),
				millis == 0 ? Worker.UNTIMED : TimeUnit.MILLISECONDS.toNanos(millis), true, site, null);
	}

	/**
	 * Waits in the model's wait set of a monitor or a condition: writes the wait set, releases the lock (every hold
	 * of it), waits to be woken or to time out, and takes the lock back as often.
	 *
	 * @param key the monitor, or the condition
	 * @param holds the object the worker's holds of the lock are counted on
	 * @param lock the lock's resource
	 * @param waitSet the wait set's resource
	 * @param timeoutNanos the timeout, {@link Worker#UNTIMED} for none, {@code 0} or less to time out at once
	 * @param interruptible whether an interrupt ends the wait with {@code InterruptedException}
	 * @param view the lock whose real holds to give up and take back for a condition, or {@code null} for a monitor,
	 *        which the real {@code Object.wait} gives up
	 * @return {@code true} if woken by a notification or signal, {@code false} if the wait timed out
	 * @throws InterruptedException if interrupted while waiting
	 */
	private boolean modelWait(Worker worker, Object key, Object holds, Resource lock, Resource waitSet,
			long timeoutNanos, boolean interruptible, int site, Lock view) throws InterruptedException {
		turn.point(worker, Operation.write(waitSet), view == null ? site : NO_SITE);
		int depth = worker.monitors.depth(holds);
		for (int i = 0; i < depth; i++) {
			turn.point(worker, Operation.release(lock), site);
		}
		worker.monitors.setDepth(holds, 0);
		if (view != null) {
			for (int i = 0; i < depth; i++) {
				view.unlock();
			}
		}
		Operation reacquire = Operation.acquire(lock);
		Waiting waiting = new Waiting(WaitKind.NOTIFY, Operation.awaitNotify(waitSet), reacquire,
				timeoutNanos == Worker.UNTIMED ? Worker.UNTIMED
						: VirtualClock.deadline(clock.nanos(), Math.max(0, timeoutNanos)),
				key, interruptible);
		worker.waiting = waiting;
		try {
			if (timeoutNanos <= 0) {
				waiting.timedOut = true;
				waiting.woken = true;
				turn.announce(worker, reacquire);
			} else {
				execution.waitSets.computeIfAbsent(key, k -> new ArrayDeque<>()).add(worker);
				turn.block(worker, waiting.operation, view == null ? key : null);
			}
		} finally {
			worker.waiting = null;
		}
		turn.performed(worker, reacquire, site);
		if (view != null) {
			for (int i = 0; i < depth; i++) {
				view.lock();
			}
		}
		worker.monitors.setDepth(holds, depth);
		for (int i = 1; i < depth; i++) {
			turn.point(worker, Operation.acquire(lock), site);
		}
		if (waiting.interrupted) {
			Thread.interrupted();
			throw new InterruptedException();
		}
		return !waiting.timedOut;
	}

	/** The {@code notify} and {@code notifyAll} hooks: wakes the first waiter of a monitor, or all. */
	void notifyWaiters(Object monitor, int site, boolean all) {
		Worker worker = turn.current();
		if (worker == null || monitor == null || worker.monitors.depth(monitor) == 0) {
			if (all) {
				passThrough.notifyAll(monitor, site);
			} else {
				passThrough.notifyOne(monitor, site);
			}
			return;
		}
		turn.point(worker, Operation.write(waitSet(resources.monitor(monitor, worker.index))), site);
		wakeWaiters(worker, monitor, all);
	}

	private void wakeWaiters(Worker worker, Object key, boolean all) {
		Deque<Worker> waiting = execution.waitSets.get(key);
		while (waiting != null && !waiting.isEmpty()) {
			turn.wake(worker, waiting.peekFirst());
			if (!all) {
				break;
			}
		}
	}

	private static Resource waitSet(Resource monitor) {
		return new Resource("wait-set", monitor.id());
	}

	// ----------------------------------------------------------------------------------------- conditions

	/** The modelled lock a condition belongs to, when this worker holds it exclusively; else {@code null}. */
	private LockView heldLockOf(Worker worker, Condition condition) {
		Object sync = JdkInternals.syncOf(condition);
		LockView lock = sync == null ? null : lockOfSync.get(sync);
		return lock != null && worker.monitors.depth(lock.model().key()) > 0 ? lock : null;
	}

	/** The {@code Condition.await} hook. */
	void conditionAwait(Condition condition, int site) throws InterruptedException {
		awaitCondition(condition, Worker.UNTIMED, true, site, () -> condition.await());
	}

	/** The {@code Condition.awaitUninterruptibly} hook. */
	void conditionAwaitUninterruptibly(Condition condition, int site) {
		try {
			awaitCondition(condition, Worker.UNTIMED, false, site, () -> condition.awaitUninterruptibly());
		} catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The {@code Condition.awaitNanos} hook. */
	long conditionAwaitNanos(Condition condition, long nanos, int site) throws InterruptedException {
		long[] remaining = { nanos };
		Long model = awaitConditionTimed(condition, nanos, site, () -> remaining[0] = condition.awaitNanos(nanos));
		return model == null ? remaining[0] : model;
	}

	/** The {@code Condition.await(time, unit)} hook. */
	boolean conditionAwait(Condition condition, long time, TimeUnit unit, int site)
			throws InterruptedException {
		boolean[] signalled = { false };
		Long model = awaitConditionTimed(condition, unit.toNanos(time), site,
				() -> signalled[0] = condition.await(time, unit));
		return model == null ? signalled[0] : model > 0;
	}

	/** The {@code Condition.awaitUntil} hook. */
	boolean conditionAwaitUntil(Condition condition, Date deadline, int site) throws InterruptedException {
		boolean[] signalled = { false };
		long nanos = TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - clock.millis());
		Long model = awaitConditionTimed(condition, nanos, site, () -> signalled[0] = condition.awaitUntil(deadline));
		return model == null ? signalled[0] : model > 0;
	}

	/** A wait on a condition, real or modelled. */
	private interface RealAwait {
		void await() throws InterruptedException;
	}

	/** Returns the remaining nanoseconds in the model (positive when signalled), or {@code null} if it was real. */
	private Long awaitConditionTimed(Condition condition, long nanos, int site, RealAwait real)
			throws InterruptedException {
		Worker worker = turn.current();
		LockView lock = worker == null || condition == null ? null : heldLockOf(worker, condition);
		if (lock == null) {
			real.await();
			return null;
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		long start = clock.nanos();
		boolean signalled = modelCondition(worker, condition, lock, Math.max(0, nanos), true, site);
		long left = nanos - (clock.nanos() - start);
		return signalled ? Math.max(1, left) : Math.min(0, left);
	}

	private void awaitCondition(Condition condition, long nanos, boolean interruptible, int site, RealAwait real)
			throws InterruptedException {
		Worker worker = turn.current();
		LockView lock = worker == null || condition == null ? null : heldLockOf(worker, condition);
		if (lock == null) {
			real.await();
			return;
		}
		if (interruptible && Thread.interrupted()) {
			throw new InterruptedException();
		}
		boolean wasInterrupted = !interruptible && Thread.interrupted();
		modelCondition(worker, condition, lock, nanos, interruptible, site);
		if (wasInterrupted) {
			TurnHandOver.reinterrupt(worker);
		}
	}

	private boolean modelCondition(Worker worker, Condition condition, LockView lock, long nanos,
			boolean interruptible, int site) throws InterruptedException {
		Object key = lock.model().key();
		Resource resource = resources.monitor(key, worker.index);
		return modelWait(worker, condition, key, resource,
				Resources.waitingOn(resources.object(condition, worker.index)), nanos, interruptible, site,
				lock.view());
	}

	/** The {@code Condition.signal} and {@code signalAll} hooks: wakes the first waiter, or all. */
	void signal(Condition condition, int site, boolean all) {
		Worker worker = turn.current();
		LockView lock = worker == null || condition == null ? null : heldLockOf(worker, condition);
		if (lock == null) {
			if (all) {
				condition.signalAll();
			} else {
				condition.signal();
			}
			return;
		}
		turn.point(worker, Operation.write(Resources.waitingOn(resources.object(condition, worker.index))), NO_SITE);
		wakeWaiters(worker, condition, all);
	}
}
