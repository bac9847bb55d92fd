package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.ExecutionReport;
import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.ReplayDivergenceException;
import dev.frontrun.internal.engine.Scheduler;
import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.runtime.HookHandler;
import dev.frontrun.internal.runtime.Hooks;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.SiteKind;
import dev.frontrun.internal.runtime.Sites;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
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
 * started, say) changes nothing.
 *
 * <h2>Monitors</h2>
 * <p>{@code monitorEnter} is announced before the real {@code MONITORENTER}, so the engine lets a thread past only
 * when no other managed thread holds the monitor, and the real one never blocks. {@code Object.wait} releases the
 * monitor in the engine's model, then waits for real, in a loop on the thread's turn flag, which the thread that
 * gives it the turn sets before notifying; {@code notify} moves a waiter from the monitor's wait set to wanting the
 * monitor back.
 *
 * <h2>Ending</h2>
 * <p>The execution ends when the engine has no thread to run: all finished, or the rest are deadlocked. The
 * controlling thread (the test's) waits for that within the per-execution timeout, and then stops the threads that
 * are left by throwing an error from their next hook.
 */
final class ControlledExecution implements HookHandler {

	private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
	private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
	private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final Scheduler engine;
	private final HookHandler passThrough;
	private final Resources resources;
	private final Map<Thread, Worker> workers = new ConcurrentHashMap<>();
	private final List<Worker> byIndex = new ArrayList<>();
	private final List<TraceEntry> trace = new ArrayList<>();
	private final Map<Object, Deque<Worker>> waitSets = new IdentityHashMap<>();
	private final List<ThreadFailure> failures = new ArrayList<>();
	private final Thread controller = Thread.currentThread();

	private volatile Worker running;
	private volatile boolean ended;
	private volatile boolean aborted;
	private volatile String divergence;

	/** A managed thread that threw. */
	record ThreadFailure(int thread, Throwable thrown) {
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

	ControlledExecution(Scheduler engine, HookHandler passThrough, Object state) {
		this.engine = engine;
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
				Thread thread = new Thread(() -> runBody(body, state), "frontrun-" + i);
				thread.setDaemon(true);
				Worker worker = register(thread);
				worker.reportsItsEnd = true;
				engine.started(worker.index);
				thread.start();
				if (!awaitArrival(worker, deadline)) {
					return abandon("thread " + i + " did not reach its first operation in time: " + where(worker));
				}
			}
			OptionalInt first;
			try {
				first = next();
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
			ExecutionReport report = engine.endExecution();
			stopThreads();
			return new Outcome(report, trace, failures, null, resources);
		} finally {
			Hooks.install(previous);
		}
	}

	private <S> void runBody(Consumer<? super S> body, S state) {
		Worker worker = workers.get(Thread.currentThread());
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
		finish(worker);
	}

	private Worker register(Thread thread) {
		Worker worker = new Worker(byIndex.size(), thread);
		byIndex.add(worker);
		workers.put(thread, worker);
		return worker;
	}

	// ---------------------------------------------------------------------------------------------- the turn

	private Worker current() {
		Worker worker = workers.get(Thread.currentThread());
		if (worker != null && aborted) {
			throw new ExecutionAbortedError();
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
		executed(worker, operation);
		trace.add(new TraceEntry(worker.index, site, operation));
	}

	private void announce(Worker worker, Operation operation) {
		engine.announce(worker.index, operation);
		if (!worker.arrived) {
			worker.arrived = true;
			LockSupport.unpark(controller);
			waitForTurn(worker);
			return;
		}
		choose(worker);
	}

	/** Asks the engine who goes next; returns when it is this worker's turn. */
	private void choose(Worker worker) {
		OptionalInt next = next();
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
		next.wake();
	}

	private void waitForTurn(Worker worker) {
		worker.waitingForTurn = true;
		while (!worker.turn && !aborted) {
			LockSupport.parkNanos(this, PARK_NANOS);
		}
		worker.waitingForTurn = false;
		if (aborted) {
			throw new ExecutionAbortedError();
		}
		worker.turn = false;
	}

	private void finish(Worker worker) {
		if (aborted) {
			return;
		}
		worker.finished = true;
		engine.finished(worker.index);
		if (!worker.arrived) {
			worker.arrived = true;
			return;
		}
		OptionalInt next = next();
		if (next.isEmpty()) {
			end();
		} else {
			handTo(byIndex.get(next.getAsInt()));
		}
	}

	private void end() {
		running = null;
		ended = true;
		LockSupport.unpark(controller);
	}

	private boolean awaitArrival(Worker worker, long deadline) {
		while (!worker.arrived && worker.thread.isAlive()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			LockSupport.parkNanos(this, POLL_NANOS);
		}
		if (!worker.arrived) {
			worker.finished = true;
			engine.finished(worker.index);
		}
		return true;
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
				finishDead(holder);
				continue;
			}
			long now = System.nanoTime();
			if (now > deadline) {
				return "the execution did not finish within the per-execution timeout: "
						+ (holder == null ? "no thread was running" : where(holder));
			}
			if (holder != null && blockedOutside(holder)) {
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
		worker.finished = true;
		engine.finished(worker.index);
		OptionalInt next = next();
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
			if (left > 0 && worker.thread != controller) {
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
		if (receiver instanceof Lock lock && lockCall(worker, lock, called.member().name(), site)) {
			return;
		}
		callOn(worker, resources.object(receiver, worker.index), called, site);
	}

	@Override
	public void callElement(Object receiver, int index, int site) {
		Worker worker = current();
		if (worker == null || receiver == null) {
			passThrough.callElement(receiver, index, site);
			return;
		}
		callOn(worker, resources.arrayElement(receiver, index, worker.index), Sites.get(site), site);
	}

	/** A call that reads or writes one resource; a compare-and-set is reported once its outcome is known. */
	private void callOn(Worker worker, Resource resource, Site called, int site) {
		if (called.kind() == SiteKind.CAS) {
			Operation announced = Operation.write(resource);
			announce(worker, announced);
			worker.chosen = announced;
			worker.chosenSite = site;
		} else {
			point(worker, called.kind() == SiteKind.CALL_READ ? Operation.read(resource) : Operation.write(resource),
					site);
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
		executed(worker, done);
		trace.add(new TraceEntry(worker.index, worker.chosenSite, done));
	}

	/**
	 * Models the exclusive use of a {@link Lock}: {@code lock} and {@code lockInterruptibly} acquire,
	 * {@code unlock} releases, {@code tryLock} acquires when the lock is free for this thread and otherwise only
	 * reads it (and the real call fails). The real call follows and never blocks, since the model lets one thread
	 * at a time hold the lock.
	 *
	 * @return whether the call was modelled; other methods are plain calls
	 */
	private boolean lockCall(Worker worker, Lock lock, String method, int site) {
		Resource resource = resources.monitor(lock, worker.index);
		switch (method) {
		case "lock", "lockInterruptibly" -> {
			point(worker, Operation.acquire(resource), site);
			worker.enter(lock);
		}
		case "tryLock" -> {
			Worker owner = lockOwner(lock);
			if (owner == null || owner == worker) {
				point(worker, Operation.acquire(resource), site);
				worker.enter(lock);
			} else {
				point(worker, Operation.read(resources.object(lock, worker.index)), site);
			}
		}
		case "unlock" -> {
			if (worker.depth(lock) == 0) {
				return false;
			}
			worker.exit(lock);
			point(worker, Operation.release(resource), site);
		}
		default -> {
			return false;
		}
		}
		return true;
	}

	private Worker lockOwner(Object lock) {
		for (Worker other : byIndex) {
			if (other.depth(lock) > 0) {
				return other;
			}
		}
		return null;
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
		Worker worker = workers.get(Thread.currentThread());
		if (worker == null || aborted || monitor == null) {
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
		if (worker == null || monitor == null || worker.depth(monitor) == 0) {
			passThrough.waitOn(monitor, millis, site);
			return;
		}
		Resource lock = resources.monitor(monitor, worker.index);
		point(worker, Operation.write(waitSet(lock)), site);
		int depth = worker.depth(monitor);
		for (int i = 0; i < depth; i++) {
			point(worker, Operation.release(lock), site);
		}
		Operation reacquire = Operation.acquire(lock);
		if (millis == 0) {
			waitSets.computeIfAbsent(monitor, m -> new ArrayDeque<>()).add(worker);
			engine.announce(worker.index, Operation.awaitNotify(waitSet(lock)));
		} else {
			engine.announce(worker.index, reacquire);
		}
		worker.waitMonitor = monitor;
		OptionalInt next = next();
		if (next.isEmpty()) {
			end();
		} else if (next.getAsInt() == worker.index) {
			worker.turn = true;
		} else {
			handTo(byIndex.get(next.getAsInt()));
		}
		worker.waitingForTurn = true;
		while (!worker.turn && !aborted) {
			monitor.wait(TimeUnit.NANOSECONDS.toMillis(PARK_NANOS));
		}
		worker.waitingForTurn = false;
		worker.waitMonitor = null;
		if (aborted) {
			throw new ExecutionAbortedError();
		}
		worker.turn = false;
		Deque<Worker> waiting = waitSets.get(monitor);
		if (waiting != null) {
			waiting.remove(worker);
		}
		executed(worker, reacquire);
		trace.add(new TraceEntry(worker.index, site, reacquire));
		for (int i = 1; i < depth; i++) {
			point(worker, Operation.acquire(lock), site);
		}
	}

	@Override
	public void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
		waitOn(monitor, millis == 0 && nanos > 0 ? 1 : millis, site);
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
		Resource lock = resources.monitor(monitor, worker.index);
		point(worker, Operation.write(waitSet(lock)), site);
		Deque<Worker> waiting = waitSets.get(monitor);
		while (waiting != null && !waiting.isEmpty()) {
			Worker waiter = waiting.removeFirst();
			engine.notified(worker.index, waiter.index, Operation.acquire(lock));
			if (!all) {
				break;
			}
		}
	}

	private static Resource waitSet(Resource monitor) {
		return new Resource("wait-set", monitor.id());
	}

	// ------------------------------------------------------------------------------------------- threads

	@Override
	public void threadStart(Thread thread, int site) {
		Worker worker = current();
		if (worker == null || thread == null) {
			passThrough.threadStart(thread, site);
			return;
		}
		Worker child = register(thread);
		engine.spawned(worker.index, child.index);
		if (thread.getUncaughtExceptionHandler() == thread.getThreadGroup()) {
			thread.setUncaughtExceptionHandler((t, thrown) -> {
				if (!(thrown instanceof ExecutionAbortedError) && !aborted) {
					synchronized (failures) {
						failures.add(new ThreadFailure(child.index, thrown));
					}
				}
			});
		}
		thread.start();
		while (!child.arrived && thread.isAlive() && !aborted) {
			LockSupport.parkNanos(this, POLL_NANOS);
		}
		if (!child.arrived) {
			child.finished = true;
			engine.finished(child.index);
		}
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
		point(worker, Operation.join(joined.index), site);
		thread.join();
	}

	@Override
	public void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
		threadJoin(thread, millis, site);
	}

	@Override
	public void sleep(long millis, int site) throws InterruptedException {
		if (current() == null) {
			passThrough.sleep(millis, site);
		}
	}

	@Override
	public void sleep(long millis, int nanos, int site) throws InterruptedException {
		if (current() == null) {
			passThrough.sleep(millis, nanos, site);
		}
	}

	@Override
	public void threadYield(int site) {
		if (current() == null) {
			passThrough.threadYield(site);
		}
	}
}
