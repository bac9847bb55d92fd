package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.AccessKind;
import dev.frontrun.internal.engine.BlockedThread;
import dev.frontrun.internal.engine.ExecutionReport;
import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.ReplayDivergenceException;
import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.engine.Scheduler;
import dev.frontrun.internal.explore.BodyThreads.BodyThread;
import dev.frontrun.internal.explore.JdkInternals.ModelledLock;
import dev.frontrun.internal.explore.Worker.WaitKind;
import dev.frontrun.internal.explore.Worker.Waiting;
import dev.frontrun.internal.runtime.HookHandler;
import dev.frontrun.internal.runtime.Hooks;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.SiteKind;
import dev.frontrun.internal.runtime.Sites;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;

/**
 * One execution under the DPOR engine's control: the hook handler that turns every access and synchronization of
 * the managed threads into the engine's operations, and hands the single turn to run from thread to thread as the
 * engine decides.
 *
 * <h2>The turn</h2>
 * <p>Exactly one managed thread runs between scheduling points. At a hook, the running thread announces its next
 * operation and asks the engine which thread goes next; if another, it hands the turn over (setting that thread's
 * flag and unparking it) and parks until the turn comes back. Code between hooks touches nothing shared that
 * frontrun can see, so letting a thread that does not hold the turn run up to its next hook (a thread that was just
 * started, say) changes nothing. Such a thread does not talk to the engine: it records its first operation and
 * waits; the thread that started it (or the controlling thread, for the exploration's own threads) announces it to
 * the engine at its own next hook.
 *
 * <h2>Monitors and locks</h2>
 * <p>{@code monitorEnter} is announced before the real {@code MONITORENTER}, so the engine lets a thread past only
 * when no other managed thread holds the monitor, and the real one never blocks. The same goes for the calls of the
 * user's code on a {@code ReentrantLock} and on the views of a {@code ReentrantReadWriteLock} (the read lock held in
 * shared mode): the real call follows the model's decision and never blocks. {@code Object.wait} and
 * {@code Condition.await} on such a lock release it in the model, wait in the model's wait set until a notification,
 * a signal, an interrupt or a timeout, and take it back; {@code notify} and {@code signal} move the first waiter to
 * wanting the lock back.
 *
 * <h2>Parking</h2>
 * <p>Everything else in {@code java.util.concurrent} blocks in {@code LockSupport.park}, which the agent makes call
 * {@link #park}: a managed thread that parks without a permit announces a wait and is disabled until another managed
 * thread unparks (or interrupts) it, which hands it the permit in the model and orders everything the unparker did
 * before what it does next; the real park never happens. The JDK code between two hooks runs atomically, so the
 * hidden state of a synchronizer changes only in the segment that starts with a call on its object (a
 * {@code CALL_WRITE} of the receiver), or in the one that starts when a parked thread resumes inside such a call,
 * which is reported as a write of the same object: that is how DPOR orders what the synchronizer's users do.
 *
 * <h2>Time</h2>
 * <p>Timed waits (timed parks, {@code wait(millis)}, {@code await(timeout)}) time out only when no thread can run
 * otherwise: then the one with the earliest deadline does, after everything that happened so far, and the virtual
 * clock that {@code java.util.concurrent} reads jumps to its deadline. The clock does not move otherwise, so a run
 * does not depend on how fast the machine is.
 *
 * <h2>Ending</h2>
 * <p>The execution ends when the engine has no thread to run: all finished, or the rest are deadlocked. Threads of an
 * executor that wait for a task in {@code ThreadPoolExecutor.getTask} are idle, not deadlocked: an execution where
 * only they are left completed. The controlling thread (the test's) waits for the end within the per-execution
 * timeout, and then stops the threads that are left by throwing an error from their next hook.
 */
final class ControlledExecution implements HookHandler {

	private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
	private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
	private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
	/** Read here, on the controlling thread that first creates an execution, never on a managed thread. */
	private static final boolean UNDER_DEBUGGER = Debugger.ATTACHED;
	private static final long EXTERNAL_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
	private static final int NO_SITE = -1;

	private final Scheduler engine;
	private final HookHandler passThrough;
	private final Resources resources;
	private final BodyThreads bodyThreads;
	private final Map<Thread, Worker> workers = new ConcurrentHashMap<>();
	private final List<Worker> byIndex = new ArrayList<>();
	private final List<TraceEntry> trace = new ArrayList<>();
	private final Map<Object, Deque<Worker>> waitSets = new IdentityHashMap<>();
	private final Map<Object, LockView> lockOfSync = new IdentityHashMap<>();
	private final List<ThreadFailure> failures = new ArrayList<>();
	private final Thread controller = Thread.currentThread();
	private final long clockBase = System.nanoTime();
	private final long wallClockBase = System.currentTimeMillis();

	private volatile Worker running;
	private volatile boolean ended;
	private volatile boolean aborted;
	private volatile String divergence;
	/**
	 * Whether managed threads dealt with threads frontrun does not manage, which may wake them: they started or
	 * unparked one, one woke them, or a lock the model gave them was really held. A thread then parked with nobody to
	 * wake it ends the execution as abandoned, after a grace period, rather than as a deadlock.
	 */
	private volatile boolean foreign;
	/** How far the virtual clock has moved, in nanoseconds, by timeouts. */
	private volatile long clockOffset;

	/** A managed thread that threw. */
	record ThreadFailure(int thread, Throwable thrown) {
	}

	/** A modelled lock as one of its views sees it, with the view whose conditions wait on it. */
	private record LockView(ModelledLock model, Lock view) {
	}

	/**
	 * What happened in the execution.
	 *
	 * @param report the engine's report, {@code null} when the execution was abandoned
	 * @param trace the operations in the order they ran
	 * @param failures the threads that threw
	 * @param stuck why the execution was abandoned, or {@code null}
	 * @param resources names the execution's resources
	 */
	record Outcome(ExecutionReport report, List<TraceEntry> trace, List<ThreadFailure> failures, String stuck,
			Resources resources) {
	}

	ControlledExecution(Scheduler engine, HookHandler passThrough, Object state, BodyThreads bodyThreads) {
		this.engine = engine;
		this.bodyThreads = bodyThreads;
		this.passThrough = passThrough;
		this.resources = new Resources(new ObjectIds(state));
	}

	/**
	 * Runs the threads on the state, under the engine.
	 *
	 * @param <S> the state's type
	 * @param state the state
	 * @param bodies the threads' bodies
	 * @param timeoutNanos the bound on the execution
	 * @return what happened
	 */
	<S> Outcome run(S state, List<Consumer<? super S>> bodies, long timeoutNanos) {
		long deadline = System.nanoTime() + timeoutNanos;
		HookHandler previous = Hooks.install(this);
		try {
			for (int i = 0; i < bodies.size(); i++) {
				Consumer<? super S> body = bodies.get(i);
				BodyThread thread = bodyThreads.take(i);
				Worker worker = register(thread);
				worker.reportsItsEnd = true;
				engine.started(worker.index);
				thread.execute(this, worker, () -> runBody(body, state));
				if (!awaitArrival(worker, deadline)) {
					return abandon("thread " + i + " did not reach its first operation in time: " + where(worker));
				}
				settle(worker);
			}
			OptionalInt first;
			try {
				first = schedule();
			} catch (ExecutionAbortedError e) {
				return abandon(divergence);
			}
			if (first.isEmpty()) {
				ended = true;
			} else {
				handTo(byIndex.get(first.getAsInt()));
			}
			String stuck = awaitEnd(deadline);
			if (stuck != null) {
				return abandon(stuck);
			}
			ExecutionReport report = idleExecutorsCompleted(engine.endExecution());
			stopThreads();
			return new Outcome(report, trace, failures, null, resources);
		} finally {
			Hooks.install(previous);
		}
	}

	private <S> void runBody(Consumer<? super S> body, S state) {
		Worker worker = self();
		try {
			body.accept(state);
		} catch (ExecutionAbortedError aborted) {
			return;
		} catch (Throwable t) {
			if (aborted) {
				return;
			}
			synchronized (failures) {
				failures.add(new ThreadFailure(worker.index, t));
			}
		}
		try {
			finish(worker);
		} catch (ExecutionAbortedError over) {
			// the execution is over (a replay diverged where this thread ended, or it ended while this thread
			// settled the threads it started): the controlling thread reports it
		}
	}

	private Worker register(Thread thread) {
		Worker worker = new Worker(byIndex.size(), thread);
		byIndex.add(worker);
		workers.put(thread, worker);
		return worker;
	}

	// ---------------------------------------------------------------------------------------------- the turn

	/**
	 * The worker of the calling thread, or {@code null} if frontrun does not run it in this execution: a body thread
	 * between bodies, waiting in {@link BodyThreads} for the next, is not.
	 */
	private Worker self() {
		Thread thread = Thread.currentThread();
		return thread instanceof BodyThread body ? body.workerFor(this) : workers.get(thread);
	}

	private Worker current() {
		Worker worker = self();
		if (worker == null || worker.internal) {
			return null;
		}
		if (aborted) {
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
			return engine.nextThread();
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
			if (next.isPresent() || !wakeAtQuiescence()) {
				return next;
			}
		}
	}

	/** Tells the engine what a worker did; a replay that diverges ends the execution. */
	private void executed(Worker worker, Operation operation) {
		try {
			engine.executed(worker.index, operation);
		} catch (ReplayDivergenceException e) {
			throw diverged(e);
		}
	}

	private ExecutionAbortedError diverged(ReplayDivergenceException e) {
		divergence = "the replayed schedule no longer applies: " + e.getMessage();
		end();
		return new ExecutionAbortedError();
	}

	/** A scheduling point: announces the operation, waits to be chosen for it, records that it ran. */
	private void point(Worker worker, Operation operation, int site) {
		announce(worker, operation);
		performed(worker, operation, site);
	}

	/** Records that the chosen worker performed an operation. */
	private void performed(Worker worker, Operation operation, int site) {
		executed(worker, operation);
		if (site != NO_SITE) {
			trace.add(new TraceEntry(worker.index, site, operation));
		}
		worker.lastOperation = operation;
		worker.context = null;
	}

	/**
	 * A scheduling point of a call into code frontrun does not instrument, whose object the code then changes; on a
	 * synchronizer (see {@link #isSynchronizer}), or from JDK code, it is left out of the trace that explanations
	 * show, which is about the data.
	 */
	private void callPoint(Worker worker, Operation operation, int site, boolean traced) {
		point(worker, operation, traced ? site : NO_SITE);
		worker.context = operation.resource();
		worker.contextSite = site;
	}

	/**
	 * Whether an object synchronizes threads rather than holds the program's data: an explanation that names it as
	 * the race would point away from the data that the synchronization failed to protect.
	 */
	private static boolean isSynchronizer(Object object) {
		return object instanceof Executor || object instanceof Future || object instanceof CompletionStage
				|| object instanceof CountDownLatch || object instanceof CyclicBarrier || object instanceof Semaphore
				|| object instanceof Phaser || object instanceof Exchanger || object instanceof Lock
				|| object instanceof ReadWriteLock || object instanceof StampedLock || object instanceof Condition
				|| object instanceof Thread;
	}

	private void announce(Worker worker, Operation operation) {
		if (!worker.arrived) {
			worker.firstOperation = operation;
			arrive(worker);
			waitForTurn(worker);
			return;
		}
		engine.announce(worker.index, operation);
		choose(worker);
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
	private void ensureArrived(Worker worker) {
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
			handTo(byIndex.get(next.getAsInt()));
			waitForTurn(worker);
		}
	}

	private void handTo(Worker next) {
		running = next;
		Worker self = self();
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
		Worker self = self();
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
		while (!worker.turn && !aborted) {
			LockSupport.parkNanos(this, PARK_NANOS);
			interrupted |= Thread.interrupted();
		}
		worker.waitingForTurn = false;
		if (aborted) {
			throw new ExecutionAbortedError();
		}
		worker.turn = false;
		if (interrupted) {
			reinterrupt(worker);
		}
	}

	private static void reinterrupt(Worker worker) {
		worker.internal = true;
		try {
			worker.thread.interrupt();
		} finally {
			worker.internal = false;
		}
	}

	private void finish(Worker worker) {
		if (aborted) {
			return;
		}
		settleChildren(worker);
		worker.finished = true;
		if (!worker.arrived) {
			worker.firstOperation = null;
			arrive(worker);
			return;
		}
		engine.finished(worker.index);
		OptionalInt next = schedule();
		if (next.isEmpty()) {
			end();
		} else {
			handTo(byIndex.get(next.getAsInt()));
		}
	}

	private void end() {
		running = null;
		ended = true;
		unparkInternally(controller);
	}

	private boolean awaitArrival(Worker worker, long deadline) {
		worker.awaiter = Thread.currentThread();
		while (!worker.arrived && worker.thread.isAlive()) {
			if (System.nanoTime() > deadline && !UNDER_DEBUGGER) {
				return false;
			}
			LockSupport.parkNanos(this, POLL_NANOS);
		}
		return true;
	}

	/** Tells the engine about a worker that has arrived or died: its first operation, or its end. */
	private void settle(Worker worker) {
		if (worker.settled) {
			return;
		}
		worker.settled = true;
		if (worker.arrived && worker.firstOperation != null) {
			engine.announce(worker.index, worker.firstOperation);
		} else {
			worker.finished = true;
			engine.finished(worker.index);
		}
	}

	/**
	 * Waits for the threads a worker started to arrive at their first scheduling point (or end), and tells the
	 * engine. A child that blocks where frontrun cannot see before it arrives ends the execution.
	 */
	private void settleChildren(Worker parent) {
		List<Worker> children = new ArrayList<>(parent.pendingChildren);
		parent.pendingChildren.clear();
		for (Worker child : children) {
			long stalledSince = 0;
			child.awaiter = Thread.currentThread();
			while (!child.arrived && child.thread.isAlive()) {
				if (aborted) {
					throw new ExecutionAbortedError();
				}
				Thread.State state = child.thread.getState();
				long now = System.nanoTime();
				if (!UNDER_DEBUGGER && (state == Thread.State.BLOCKED || state == Thread.State.WAITING)) {
					stalledSince = stalledSince == 0 ? now : stalledSince;
					if (now - stalledSince > STALL_NANOS) {
						divergence = "thread " + child.index + " blocked where frontrun cannot see before its first "
								+ "operation: " + where(child);
						end();
						throw new ExecutionAbortedError();
					}
				} else {
					stalledSince = 0;
				}
				parent.internal = true;
				try {
					LockSupport.parkNanos(this, POLL_NANOS);
				} finally {
					parent.internal = false;
				}
			}
			settle(child);
		}
	}

	/** Waits for the end; returns why the execution had to be abandoned, or {@code null}. */
	private String awaitEnd(long deadline) {
		long stalledSince = 0;
		while (!ended || divergence != null) {
			if (divergence != null) {
				return divergence;
			}
			Worker holder = running;
			if (holder != null && !holder.reportsItsEnd && !holder.finished && !holder.waitingForTurn
					&& !holder.thread.isAlive()) {
				try {
					finishDead(holder);
				} catch (ExecutionAbortedError e) {
					return divergence != null ? divergence : "the execution was aborted";
				}
				continue;
			}
			long now = System.nanoTime();
			if (now > deadline && !UNDER_DEBUGGER) {
				return "the execution did not finish within the per-execution timeout: "
						+ (holder == null ? "no thread was running" : where(holder));
			}
			if (holder != null && !UNDER_DEBUGGER && blockedOutside(holder)) {
				stalledSince = stalledSince == 0 ? now : stalledSince;
				if (now - stalledSince > STALL_NANOS) {
					return "thread " + holder.index + " blocked where frontrun cannot see: " + where(holder);
				}
			} else {
				stalledSince = 0;
			}
			LockSupport.parkNanos(this, POLL_NANOS);
		}
		return null;
	}

	/** A thread started by the program ended without a hook after its last operation. */
	private void finishDead(Worker worker) {
		settleChildren(worker);
		worker.finished = true;
		engine.finished(worker.index);
		OptionalInt next = schedule();
		if (next.isEmpty()) {
			end();
		} else {
			handTo(byIndex.get(next.getAsInt()));
		}
	}

	private static boolean blockedOutside(Worker worker) {
		if (worker.waitingForTurn || worker.waitMonitor != null) {
			return false;
		}
		Thread.State state = worker.thread.getState();
		return state == Thread.State.BLOCKED || state == Thread.State.WAITING;
	}

	private Outcome abandon(String reason) {
		stopThreads();
		return new Outcome(null, trace, failures, reason, resources);
	}

	private void stopThreads() {
		aborted = true;
		for (Worker worker : byIndex) {
			worker.wake();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		for (Worker worker : byIndex) {
			long left = deadline - System.nanoTime();
			if (left <= 0 || worker.thread == controller) {
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

	private static String where(Worker worker) {
		StackTraceElement[] stack = worker.thread.getStackTrace();
		for (StackTraceElement frame : stack) {
			String type = frame.getClassName();
			if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
					&& !type.startsWith("dev.frontrun.")) {
				return "thread " + worker.index + " is at " + type + "." + frame.getMethodName() + "("
						+ frame.getFileName() + ":" + frame.getLineNumber() + ") (" + worker.thread.getState() + ")";
			}
		}
		return "thread " + worker.index + " is " + worker.thread.getState();
	}

	/**
	 * Ends a deadlock where the only threads left are executor workers waiting for a task as a completed execution:
	 * an idle pool is not stuck.
	 */
	private ExecutionReport idleExecutorsCompleted(ExecutionReport report) {
		if (report.outcome() != ExecutionReport.Outcome.DEADLOCKED || report.blocked().isEmpty()) {
			return report;
		}
		for (BlockedThread blocked : report.blocked()) {
			if (!isIdlePoolWorker(byIndex.get(blocked.thread()))) {
				return report;
			}
		}
		return new ExecutionReport(report.number(), ExecutionReport.Outcome.COMPLETED, report.schedule(),
				report.races(), List.of());
	}

	private static boolean isIdlePoolWorker(Worker worker) {
		if (worker.waiting == null || worker.waiting.kind != WaitKind.PARK) {
			return false;
		}
		for (StackTraceElement frame : worker.thread.getStackTrace()) {
			if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
					&& frame.getMethodName().equals("getTask")) {
				return true;
			}
		}
		return false;
	}

	// ------------------------------------------------------------------------------------------- waiting

	/**
	 * Announces a wait and blocks until the worker is woken and chosen: by the wait's wake-up (a notification, an
	 * unpark, an interrupt) or by its timeout, which fires only when no thread can run otherwise. On return the
	 * worker holds the turn and its announced operation is {@link Waiting#resume}.
	 *
	 * @param monitor the monitor to really wait on, which the worker holds, or {@code null} to park
	 */
	private void block(Worker worker, Operation wait, Object monitor) {
		if (!worker.arrived) {
			worker.firstOperation = wait;
			arrive(worker);
			waitForTurn(worker);
			return;
		}
		engine.announce(worker.index, wait);
		if (monitor != null) {
			worker.waitMonitor = monitor;
		}
		OptionalInt next = schedule();
		if (next.isEmpty()) {
			end();
		} else if (next.getAsInt() == worker.index) {
			worker.turn = true;
		} else {
			handTo(byIndex.get(next.getAsInt()));
		}
		if (monitor == null) {
			waitForTurn(worker);
			return;
		}
		worker.waitingForTurn = true;
		boolean interrupted = false;
		while (!worker.turn && !aborted) {
			try {
				monitor.wait(TimeUnit.NANOSECONDS.toMillis(PARK_NANOS));
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		worker.waitingForTurn = false;
		worker.waitMonitor = null;
		if (aborted) {
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
	private void wake(Worker waker, Worker waiter) {
		Waiting waiting = waiter.waiting;
		waiting.woken = true;
		Deque<Worker> set = waiting.waitSet == null ? null : waitSets.get(waiting.waitSet);
		if (set != null) {
			set.remove(waiter);
		}
		engine.notified(waker.index, waiter.index, waiting.resume);
	}

	/**
	 * When no thread can run: wakes a parked thread that a thread frontrun does not manage woke, or else fires the
	 * earliest timeout, moving the virtual clock to it. What the woken thread does next happens after everything
	 * so far, so no reordering runs it before the point where nothing else could run.
	 *
	 * @return whether a thread was woken
	 */
	private boolean wakeAtQuiescence() {
		Worker woken = externallyWoken();
		if (woken == null) {
			for (Worker worker : byIndex) {
				Waiting waiting = worker.waiting;
				if (waiting != null && !waiting.woken && waiting.deadline != Worker.UNTIMED && !worker.finished
						&& (woken == null || waiting.deadline < woken.waiting.deadline)) {
					woken = worker;
				}
			}
			if (woken != null) {
				long now = virtualNanos();
				if (woken.waiting.deadline > now) {
					clockOffset += woken.waiting.deadline - now;
				}
				woken.waiting.timedOut = true;
			}
		}
		Worker parked = woken == null && foreign ? parkedNotIdle() : null;
		if (parked != null) {
			long until = System.nanoTime() + EXTERNAL_GRACE_NANOS;
			while (woken == null && System.nanoTime() < until && !aborted) {
				LockSupport.parkNanos(this, POLL_NANOS);
				woken = externallyWoken();
			}
			if (woken == null) {
				divergence = "thread " + parked.index + " is parked, and only a thread frontrun does not control "
						+ "could wake it (threads of the common pool, or started before the exploration): " + where(parked);
				return false;
			}
		}
		if (woken == null) {
			return false;
		}
		woken.externalWake = false;
		Waiting waiting = woken.waiting;
		waiting.woken = true;
		Deque<Worker> set = waiting.waitSet == null ? null : waitSets.get(waiting.waitSet);
		if (set != null) {
			set.remove(woken);
		}
		List<Integer> others = new ArrayList<>();
		for (Worker other : byIndex) {
			if (other != woken) {
				others.add(other.index);
			}
		}
		for (int i = 0; i + 1 < others.size(); i++) {
			engine.notified(others.get(i), woken.index, waiting.operation);
		}
		engine.notified(others.isEmpty() ? woken.index : others.get(others.size() - 1), woken.index, waiting.resume);
		return true;
	}

	private Worker externallyWoken() {
		for (Worker worker : byIndex) {
			Waiting waiting = worker.waiting;
			if (worker.externalWake && waiting != null && !waiting.woken && waiting.kind == WaitKind.PARK) {
				return worker;
			}
		}
		return null;
	}

	private Worker parkedNotIdle() {
		for (Worker worker : byIndex) {
			Waiting waiting = worker.waiting;
			if (waiting != null && !waiting.woken && waiting.kind == WaitKind.PARK && !isIdlePoolWorker(worker)) {
				return worker;
			}
		}
		return null;
	}

	private long virtualNanos() {
		return clockBase + clockOffset;
	}

	private static long deadline(long now, long timeoutNanos) {
		long deadline = now + timeoutNanos;
		return timeoutNanos > 0 && deadline < now ? Worker.UNTIMED - 1 : deadline;
	}

	@Override
	public long nanoTime() {
		Worker worker = self();
		return worker == null ? System.nanoTime() : virtualNanos();
	}

	@Override
	public long currentTimeMillis() {
		Worker worker = self();
		return worker == null ? System.currentTimeMillis()
				: wallClockBase + TimeUnit.NANOSECONDS.toMillis(clockOffset);
	}

	// ------------------------------------------------------------------------------------------- accesses

	@Override
	public void getField(Object owner, int site) {
		Worker worker = current();
		if (worker == null || owner == null) {
			passThrough.getField(owner, site);
			return;
		}
		point(worker, Operation.read(resources.field(owner, site, worker.index)), site);
	}

	@Override
	public void putField(Object owner, int site) {
		Worker worker = current();
		if (worker == null || owner == null) {
			passThrough.putField(owner, site);
			return;
		}
		point(worker, Operation.write(resources.field(owner, site, worker.index)), site);
	}

	@Override
	public void getStatic(int site) {
		Worker worker = current();
		if (worker == null) {
			passThrough.getStatic(site);
			return;
		}
		point(worker, Operation.read(resources.staticField(site)), site);
	}

	@Override
	public void putStatic(int site) {
		Worker worker = current();
		if (worker == null) {
			passThrough.putStatic(site);
			return;
		}
		point(worker, Operation.write(resources.staticField(site)), site);
	}

	@Override
	public void arrayLoad(Object array, int index, int site) {
		Worker worker = current();
		if (worker == null || array == null) {
			passThrough.arrayLoad(array, index, site);
			return;
		}
		point(worker, Operation.read(resources.arrayElement(array, index, worker.index)), site);
	}

	@Override
	public void arrayStore(Object array, int index, int site) {
		Worker worker = current();
		if (worker == null || array == null) {
			passThrough.arrayStore(array, index, site);
			return;
		}
		point(worker, Operation.write(resources.arrayElement(array, index, worker.index)), site);
	}

	@Override
	public void arrayLength(Object array, int site) {
		// an array's length never changes: reading it conflicts with nothing
		passThrough.arrayLength(array, site);
	}

	@Override
	public void call(Object receiver, int site) {
		Worker worker = current();
		if (worker == null || receiver == null) {
			passThrough.call(receiver, site);
			return;
		}
		Site called = Sites.get(site);
		if (receiver instanceof Lock && lockCall(worker, receiver, called.member().name(), site)) {
			return;
		}
		callOn(worker, resources.object(receiver, worker.index), called, site, !isSynchronizer(receiver));
	}

	@Override
	public void callElement(Object receiver, int index, int site) {
		Worker worker = current();
		if (worker == null || receiver == null) {
			passThrough.callElement(receiver, index, site);
			return;
		}
		callOn(worker, resources.arrayElement(receiver, index, worker.index), Sites.get(site), site, true);
	}

	@Override
	public void callHandle(Object handle, Object object, int index, int site) {
		Worker worker = current();
		if (worker == null || handle == null) {
			passThrough.callHandle(handle, object, index, site);
			return;
		}
		JdkInternals.HandleTarget target = JdkInternals.target(handle);
		Resource resource = switch (target.kind()) {
		case STATIC_FIELD -> resources.namedField(target.field(), null, worker.index);
		case INSTANCE_FIELD -> object == null ? null : resources.namedField(target.field(), object, worker.index);
		case ARRAY_ELEMENT -> object == null ? null : resources.arrayElement(object, index, worker.index);
		case OTHER -> null;
		};
		callOn(worker, resource != null ? resource : resources.object(handle, worker.index), Sites.get(site), site,
				true);
	}

	/** A call that reads or writes one resource; a compare-and-set is reported once its outcome is known. */
	private void callOn(Worker worker, Resource resource, Site called, int site, boolean traced) {
		if (called.kind() == SiteKind.CAS) {
			Operation announced = Operation.write(resource);
			announce(worker, announced);
			worker.chosen = announced;
			worker.chosenSite = site;
		} else {
			callPoint(worker, called.kind() == SiteKind.CALL_READ ? Operation.read(resource)
					: Operation.write(resource), site, traced);
		}
	}

	@Override
	public void casOutcome(boolean succeeded, int site) {
		Worker worker = current();
		if (worker == null || worker.chosen == null) {
			passThrough.casOutcome(succeeded, site);
			return;
		}
		Operation done = succeeded ? worker.chosen : Operation.read(worker.chosen.resource());
		worker.chosen = null;
		performed(worker, done, worker.chosenSite);
	}

	/**
	 * A JDK method's entry, reported as a call on its receiver, unless the segment running now already started with
	 * a call on that object that covers it (the user's {@code future.get()}, whose {@code FutureTask.get} entry
	 * follows; {@code submit}, then {@code execute}).
	 */
	@Override
	public void jdkCall(Object receiver, int site) {
		Worker worker = current();
		if (worker == null || receiver == null) {
			return;
		}
		Resource resource = resources.object(receiver, worker.index);
		boolean reads = Sites.get(site).kind() == SiteKind.CALL_READ;
		Operation last = worker.lastOperation;
		if (resource.equals(worker.context) && last != null && resource.equals(last.resource())
				&& (reads || last.kind() == AccessKind.WRITE)) {
			return;
		}
		callPoint(worker, reads ? Operation.read(resource) : Operation.write(resource), site, false);
	}

	// ---------------------------------------------------------------------------------------------- locks

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
	private boolean lockCall(Worker worker, Object receiver, String method, int site) {
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
				point(worker, Operation.read(resources.object(key, worker.index)), NO_SITE);
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
				point(worker, Operation.read(resources.object(key, worker.index)), NO_SITE);
			}
		}
		case "unlock" -> {
			if ((shared ? worker.sharedDepth(key) : worker.depth(key)) == 0) {
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
		point(worker, shared ? Operation.acquireShared(resource) : Operation.acquire(resource), site);
		if (shared) {
			worker.enterShared(key);
		} else {
			worker.enter(key);
		}
	}

	private void release(Worker worker, Object key, Resource resource, boolean shared, int site) {
		if (shared) {
			worker.exitShared(key);
		} else {
			worker.exit(key);
		}
		point(worker, shared ? Operation.releaseShared(resource) : Operation.release(resource), site);
	}

	private boolean isAvailable(Worker worker, Object key, boolean shared) {
		for (Worker other : byIndex) {
			if (other != worker && other.depth(key) > 0) {
				return false;
			}
			if (!shared && other.sharedDepth(key) > 0) {
				return false;
			}
		}
		return true;
	}

	// ------------------------------------------------------------------------------------------- monitors

	@Override
	public void monitorEnter(Object monitor, int site) {
		Worker worker = current();
		if (worker == null || monitor == null) {
			passThrough.monitorEnter(monitor, site);
			return;
		}
		point(worker, Operation.acquire(resources.monitor(monitor, worker.index)), site);
		worker.enter(monitor);
	}

	@Override
	public void monitorExit(Object monitor, int site) {
		Worker worker = self();
		if (worker == null || worker.internal || aborted || monitor == null) {
			passThrough.monitorExit(monitor, site);
			return;
		}
		worker.exit(monitor);
		try {
			point(worker, Operation.release(resources.monitor(monitor, worker.index)), site);
		} catch (ExecutionAbortedError e) {
			// must return normally here; the thread is stopped at its next hook
		}
	}

	@Override
	public void waitOn(Object monitor, int site) throws InterruptedException {
		waitOn(monitor, 0, site);
	}

	@Override
	public void waitOn(Object monitor, long millis, int site) throws InterruptedException {
		Worker worker = current();
		if (worker == null || monitor == null || worker.depth(monitor) == 0 || millis < 0) {
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

	@Override
	public void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
		waitOn(monitor, millis == 0 && nanos > 0 ? 1 : millis, site);
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
		point(worker, Operation.write(waitSet), view == null ? site : NO_SITE);
		int depth = worker.depth(holds);
		for (int i = 0; i < depth; i++) {
			point(worker, Operation.release(lock), site);
		}
		worker.setDepth(holds, 0);
		if (view != null) {
			for (int i = 0; i < depth; i++) {
				view.unlock();
			}
		}
		Operation reacquire = Operation.acquire(lock);
		Waiting waiting = new Waiting(WaitKind.NOTIFY, Operation.awaitNotify(waitSet), reacquire,
				timeoutNanos == Worker.UNTIMED ? Worker.UNTIMED : deadline(virtualNanos(), Math.max(0, timeoutNanos)),
				key, interruptible);
		worker.waiting = waiting;
		try {
			if (timeoutNanos <= 0) {
				waiting.timedOut = true;
				waiting.woken = true;
				announce(worker, reacquire);
			} else {
				waitSets.computeIfAbsent(key, k -> new ArrayDeque<>()).add(worker);
				block(worker, waiting.operation, view == null ? key : null);
			}
		} finally {
			worker.waiting = null;
		}
		performed(worker, reacquire, site);
		if (view != null) {
			for (int i = 0; i < depth; i++) {
				view.lock();
			}
		}
		worker.setDepth(holds, depth);
		for (int i = 1; i < depth; i++) {
			point(worker, Operation.acquire(lock), site);
		}
		if (waiting.interrupted) {
			Thread.interrupted();
			throw new InterruptedException();
		}
		return !waiting.timedOut;
	}

	@Override
	public void notifyOne(Object monitor, int site) {
		notifyWaiters(monitor, site, false);
	}

	@Override
	public void notifyAll(Object monitor, int site) {
		notifyWaiters(monitor, site, true);
	}

	private void notifyWaiters(Object monitor, int site, boolean all) {
		Worker worker = current();
		if (worker == null || monitor == null || worker.depth(monitor) == 0) {
			if (all) {
				passThrough.notifyAll(monitor, site);
			} else {
				passThrough.notifyOne(monitor, site);
			}
			return;
		}
		point(worker, Operation.write(waitSet(resources.monitor(monitor, worker.index))), site);
		wakeWaiters(worker, monitor, all);
	}

	private void wakeWaiters(Worker worker, Object key, boolean all) {
		Deque<Worker> waiting = waitSets.get(key);
		while (waiting != null && !waiting.isEmpty()) {
			wake(worker, waiting.peekFirst());
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
		return lock != null && worker.depth(lock.model().key()) > 0 ? lock : null;
	}

	@Override
	public void conditionAwait(Condition condition, int site) throws InterruptedException {
		awaitCondition(condition, Worker.UNTIMED, true, site, () -> condition.await());
	}

	@Override
	public void conditionAwaitUninterruptibly(Condition condition, int site) {
		try {
			awaitCondition(condition, Worker.UNTIMED, false, site, () -> condition.awaitUninterruptibly());
		} catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public long conditionAwaitNanos(Condition condition, long nanos, int site) throws InterruptedException {
		long[] remaining = { nanos };
		Long model = awaitConditionTimed(condition, nanos, site, () -> remaining[0] = condition.awaitNanos(nanos));
		return model == null ? remaining[0] : model;
	}

	@Override
	public boolean conditionAwait(Condition condition, long time, TimeUnit unit, int site)
			throws InterruptedException {
		boolean[] signalled = { false };
		Long model = awaitConditionTimed(condition, unit.toNanos(time), site,
				() -> signalled[0] = condition.await(time, unit));
		return model == null ? signalled[0] : model > 0;
	}

	@Override
	public boolean conditionAwaitUntil(Condition condition, Date deadline, int site) throws InterruptedException {
		boolean[] signalled = { false };
		long nanos = TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - currentTimeMillis());
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
		Worker worker = current();
		LockView lock = worker == null || condition == null ? null : heldLockOf(worker, condition);
		if (lock == null) {
			real.await();
			return null;
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		long start = virtualNanos();
		boolean signalled = modelCondition(worker, condition, lock, Math.max(0, nanos), true, site);
		long left = nanos - (virtualNanos() - start);
		return signalled ? Math.max(1, left) : Math.min(0, left);
	}

	private void awaitCondition(Condition condition, long nanos, boolean interruptible, int site, RealAwait real)
			throws InterruptedException {
		Worker worker = current();
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
			reinterrupt(worker);
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

	@Override
	public void conditionSignal(Condition condition, int site) {
		signal(condition, site, false);
	}

	@Override
	public void conditionSignalAll(Condition condition, int site) {
		signal(condition, site, true);
	}

	private void signal(Condition condition, int site, boolean all) {
		Worker worker = current();
		LockView lock = worker == null || condition == null ? null : heldLockOf(worker, condition);
		if (lock == null) {
			if (all) {
				condition.signalAll();
			} else {
				condition.signal();
			}
			return;
		}
		point(worker, Operation.write(Resources.waitingOn(resources.object(condition, worker.index))), NO_SITE);
		wakeWaiters(worker, condition, all);
	}

	// -------------------------------------------------------------------------------------------- parking

	@Override
	public boolean park(Object blocker, long time, int mode) {
		if (blocker == this) {
			return false;
		}
		Worker worker = current();
		if (worker == null) {
			return false;
		}
		long timeout = switch (mode) {
		case Hooks.PARK -> Worker.UNTIMED;
		case Hooks.PARK_NANOS -> time;
		default -> TimeUnit.MILLISECONDS.toNanos(time - currentTimeMillis());
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
			foreign = true;
		}
		Resource context = worker.context != null ? worker.context : resources.object(worker.thread, worker.index);
		int site = worker.context != null ? worker.contextSite : NO_SITE;
		Operation resume = Operation.write(context);
		Waiting waiting = new Waiting(WaitKind.PARK, Operation.awaitNotify(Resources.waitingOn(context)), resume,
				timeout == Worker.UNTIMED ? Worker.UNTIMED : deadline(virtualNanos(), timeout), null, true);
		worker.waiting = waiting;
		try {
			block(worker, waiting.operation, null);
		} finally {
			worker.waiting = null;
		}
		performed(worker, resume, NO_SITE);
		worker.context = context;
		worker.contextSite = site;
		return true;
	}

	@Override
	public boolean unpark(Thread thread) {
		if (thread == null || Thread.currentThread() == controller) {
			return false;
		}
		Worker caller = self();
		if (caller != null && caller.internal) {
			return false;
		}
		Worker target = workers.get(thread);
		if (caller == null) {
			if (target != null) {
				foreign = true;
				target.externalWake = true;
			}
			return false;
		}
		current();
		if (target == null) {
			foreign = true;
			return false;
		}
		ensureArrived(caller);
		Waiting waiting = target.waiting;
		if (waiting != null && waiting.kind == WaitKind.PARK && !waiting.woken) {
			wake(caller, target);
		} else {
			target.permit = true;
		}
		return true;
	}

	@Override
	public void threadInterrupting(Thread thread) {
		if (thread == null || Thread.currentThread() == controller) {
			return;
		}
		Worker caller = self();
		if (caller != null && caller.internal) {
			return;
		}
		Worker target = workers.get(thread);
		if (target == null) {
			return;
		}
		if (caller == null) {
			foreign = true;
			target.externalWake = true;
			return;
		}
		current();
		ensureArrived(caller);
		Waiting waiting = target.waiting;
		if (waiting == null || waiting.woken) {
			return;
		}
		if (waiting.kind == WaitKind.PARK) {
			wake(caller, target);
		} else if (waiting.interruptible) {
			waiting.interrupted = true;
			wake(caller, target);
		}
	}

	// ------------------------------------------------------------------------------------------- threads

	@Override
	public void threadStart(Thread thread, int site) {
		Worker worker = current();
		if (worker == null || thread == null || workers.containsKey(thread)) {
			passThrough.threadStart(thread, site);
			return;
		}
		ensureArrived(worker);
		adopt(worker, thread);
		thread.start();
		settleChildren(worker);
	}

	@Override
	public void threadStarting(Thread thread) {
		if (thread == null || Thread.currentThread() == controller || workers.containsKey(thread)) {
			return;
		}
		Worker worker = current();
		if (worker == null) {
			return;
		}
		if (thread instanceof ForkJoinWorkerThread || thread.getState() != Thread.State.NEW) {
			foreign = true;
			return;
		}
		ensureArrived(worker);
		adopt(worker, thread);
	}

	/** Registers a thread that a managed thread is about to start, as a child the engine knows. */
	private Worker adopt(Worker parent, Thread thread) {
		Worker child = register(thread);
		engine.spawned(parent.index, child.index);
		parent.pendingChildren.add(child);
		if (thread.getUncaughtExceptionHandler() == thread.getThreadGroup()) {
			thread.setUncaughtExceptionHandler((t, thrown) -> {
				if (!(thrown instanceof ExecutionAbortedError) && !aborted) {
					synchronized (failures) {
						failures.add(new ThreadFailure(child.index, thrown));
					}
				}
			});
		}
		return child;
	}

	@Override
	public void threadJoin(Thread thread, int site) throws InterruptedException {
		threadJoin(thread, 0, site);
	}

	@Override
	public void threadJoin(Thread thread, long millis, int site) throws InterruptedException {
		Worker worker = current();
		Worker joined = thread == null ? null : workers.get(thread);
		if (worker == null || joined == null) {
			passThrough.threadJoin(thread, millis, site);
			return;
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		point(worker, Operation.join(joined.index), site);
		boolean interrupted = false;
		while (thread.isAlive()) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			reinterrupt(worker);
		}
	}

	@Override
	public void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
		threadJoin(thread, millis, site);
	}

	@Override
	public void sleep(long millis, int site) throws InterruptedException {
		if (current() == null) {
			passThrough.sleep(millis, site);
		} else if (Thread.interrupted()) {
			throw new InterruptedException("sleep interrupted");
		}
	}

	@Override
	public void sleep(long millis, int nanos, int site) throws InterruptedException {
		if (current() == null) {
			passThrough.sleep(millis, nanos, site);
		} else if (Thread.interrupted()) {
			throw new InterruptedException("sleep interrupted");
		}
	}

	@Override
	public void threadYield(int site) {
		if (current() == null) {
			passThrough.threadYield(site);
		}
	}
}
