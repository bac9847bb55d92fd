package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.AccessKind;
import dev.frontrun.internal.engine.BlockedThread;
import dev.frontrun.internal.engine.ExecutionReport;
import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.engine.Scheduler;
import dev.frontrun.internal.explore.BodyThreads.BodyThread;
import dev.frontrun.internal.runtime.HookHandler;
import dev.frontrun.internal.runtime.Hooks;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.SiteKind;
import dev.frontrun.internal.runtime.Sites;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;

/**
 * One execution under the DPOR engine's control: the hook handler that turns every access and synchronization of
 * the managed threads into the engine's operations, each hook by the part whose job it is: the hand-over of the
 * single turn to run from thread to thread as the engine decides is {@link TurnHandOver}'s, the time that timed
 * waits see is {@link VirtualClock}'s, the model of monitors and locks is {@link LockModel}'s, the model of parking
 * and interrupts is {@link ParkingModel}'s, and the threads the program starts and joins are
 * {@link ThreadLifecycle}'s. The accesses to fields, arrays and objects are this class's own.
 *
 * <h2>Ending</h2>
 * <p>Threads of an executor that wait for a task in {@code ThreadPoolExecutor.getTask} are idle, not deadlocked: an
 * execution where only they are left completed.
 */
final class ControlledExecution implements HookHandler {

	private final HookHandler passThrough;
	private final Resources resources;
	private final BodyThreads bodyThreads;
	private final ExecutionState execution;
	private final VirtualClock clock;
	private final TurnHandOver turn;
	private final LockModel locks;
	private final ParkingModel parking;
	private final ThreadLifecycle threads;
	private final List<ThreadFailure> failures = new ArrayList<>();

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

	ControlledExecution(Scheduler engine, HookHandler passThrough, Object state, BodyThreads bodyThreads) {
		this.bodyThreads = bodyThreads;
		this.passThrough = passThrough;
		this.resources = new Resources(new ObjectIds(state));
		this.execution = new ExecutionState(engine);
		this.clock = new VirtualClock(execution);
		this.turn = new TurnHandOver(execution, clock);
		this.locks = new LockModel(execution, turn, clock, resources, passThrough);
		this.parking = new ParkingModel(execution, turn, clock, resources);
		this.threads = new ThreadLifecycle(execution, turn, passThrough, failures);
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
				Worker worker = execution.register(thread);
				worker.reportsItsEnd = true;
				execution.engine.started(worker.index);
				thread.execute(execution, worker, () -> runBody(body, state));
				if (!turn.awaitArrival(worker, deadline)) {
					return abandon("thread " + i + " did not reach its first operation in time: "
							+ ExecutionState.where(worker));
				}
				turn.settle(worker);
			}
			try {
				turn.handFirst();
			} catch (ExecutionAbortedError e) {
				return abandon(execution.divergence);
			}
			String stuck = turn.awaitEnd(deadline);
			if (stuck != null) {
				return abandon(stuck);
			}
			ExecutionReport report = idleExecutorsCompleted(execution.engine.endExecution());
			turn.stopThreads();
			return new Outcome(report, turn.trace(), failures, null, resources);
		} finally {
			Hooks.install(previous);
		}
	}

	private <S> void runBody(Consumer<? super S> body, S state) {
		Worker worker = execution.self();
		try {
			body.accept(state);
		} catch (ExecutionAbortedError aborted) {
			return;
		} catch (Throwable t) {
			if (execution.aborted) {
				return;
			}
			synchronized (failures) {
				failures.add(new ThreadFailure(worker.index, t));
			}
		}
		try {
			turn.finish(worker);
		} catch (ExecutionAbortedError over) {
			// the execution is over (a replay diverged where this thread ended, or it ended while this thread
			// settled the threads it started): the controlling thread reports it
		}
	}

	private Outcome abandon(String reason) {
		turn.stopThreads();
		return new Outcome(null, turn.trace(), failures, reason, resources);
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
			if (!ExecutionState.isIdlePoolWorker(execution.byIndex.get(blocked.thread()))) {
				return report;
			}
		}
		return new ExecutionReport(report.number(), ExecutionReport.Outcome.COMPLETED, report.schedule(),
				report.races(), List.of());
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

	// ------------------------------------------------------------------------------------------------ time

	@Override
	public long nanoTime() {
		Worker worker = execution.self();
		return worker == null ? System.nanoTime() : clock.nanos();
	}

	@Override
	public long currentTimeMillis() {
		Worker worker = execution.self();
		return worker == null ? System.currentTimeMillis() : clock.millis();
	}

	// ------------------------------------------------------------------------------------------- accesses

	@Override
	public void getField(Object owner, int site) {
		Worker worker = turn.current();
		if (worker == null || owner == null) {
			passThrough.getField(owner, site);
			return;
		}
		turn.point(worker, Operation.read(resources.field(owner, site, worker.index)), site);
	}

	@Override
	public void putField(Object owner, int site) {
		Worker worker = turn.current();
		if (worker == null || owner == null) {
			passThrough.putField(owner, site);
			return;
		}
		turn.point(worker, Operation.write(resources.field(owner, site, worker.index)), site);
	}

	@Override
	public void getStatic(int site) {
		Worker worker = turn.current();
		if (worker == null) {
			passThrough.getStatic(site);
			return;
		}
		turn.point(worker, Operation.read(resources.staticField(site)), site);
	}

	@Override
	public void putStatic(int site) {
		Worker worker = turn.current();
		if (worker == null) {
			passThrough.putStatic(site);
			return;
		}
		turn.point(worker, Operation.write(resources.staticField(site)), site);
	}

	@Override
	public void arrayLoad(Object array, int index, int site) {
		Worker worker = turn.current();
		if (worker == null || array == null) {
			passThrough.arrayLoad(array, index, site);
			return;
		}
		turn.point(worker, Operation.read(resources.arrayElement(array, index, worker.index)), site);
	}

	@Override
	public void arrayStore(Object array, int index, int site) {
		Worker worker = turn.current();
		if (worker == null || array == null) {
			passThrough.arrayStore(array, index, site);
			return;
		}
		turn.point(worker, Operation.write(resources.arrayElement(array, index, worker.index)), site);
	}

	@Override
	public void arrayLength(Object array, int site) {
		// an array's length never changes: reading it conflicts with nothing
		passThrough.arrayLength(array, site);
	}

	@Override
	public void call(Object receiver, int site) {
		Worker worker = turn.current();
		if (worker == null || receiver == null) {
			passThrough.call(receiver, site);
			return;
		}
		Site called = Sites.get(site);
		if (receiver instanceof Lock && locks.lockCall(worker, receiver, called.member().name(), site)) {
			return;
		}
		callOn(worker, resources.object(receiver, worker.index), called, site, !isSynchronizer(receiver));
	}

	@Override
	public void callElement(Object receiver, int index, int site) {
		Worker worker = turn.current();
		if (worker == null || receiver == null) {
			passThrough.callElement(receiver, index, site);
			return;
		}
		callOn(worker, resources.arrayElement(receiver, index, worker.index), Sites.get(site), site, true);
	}

	@Override
	public void callHandle(Object handle, Object object, int index, int site) {
		Worker worker = turn.current();
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
			turn.announce(worker, announced);
			worker.chosen = announced;
			worker.chosenSite = site;
		} else {
			turn.callPoint(worker, called.kind() == SiteKind.CALL_READ ? Operation.read(resource)
					: Operation.write(resource), site, traced);
		}
	}

	@Override
	public void casOutcome(boolean succeeded, int site) {
		Worker worker = turn.current();
		if (worker == null || worker.chosen == null) {
			passThrough.casOutcome(succeeded, site);
			return;
		}
		Operation done = succeeded ? worker.chosen : Operation.read(worker.chosen.resource());
		worker.chosen = null;
		turn.performed(worker, done, worker.chosenSite);
	}

	/**
	 * A JDK method's entry, reported as a call on its receiver, unless the segment running now already started with
	 * a call on that object that covers it (the user's {@code future.get()}, whose {@code FutureTask.get} entry
	 * follows; {@code submit}, then {@code execute}).
	 */
	@Override
	public void jdkCall(Object receiver, int site) {
		Worker worker = turn.current();
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
		turn.callPoint(worker, reads ? Operation.read(resource) : Operation.write(resource), site, false);
	}

	// ---------------------------------------------------------------------------------- locks and monitors

	@Override
	public void monitorEnter(Object monitor, int site) {
		locks.monitorEnter(monitor, site);
	}

	@Override
	public void monitorExit(Object monitor, int site) {
		locks.monitorExit(monitor, site);
	}

	@Override
	public void waitOn(Object monitor, int site) throws InterruptedException {
		locks.waitOn(monitor, 0, site);
	}

	@Override
	public void waitOn(Object monitor, long millis, int site) throws InterruptedException {
		locks.waitOn(monitor, millis, site);
	}

	@Override
	public void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
		locks.waitOn(monitor, millis == 0 && nanos > 0 ? 1 : millis, site);
	}

	@Override
	public void notifyOne(Object monitor, int site) {
		locks.notifyWaiters(monitor, site, false);
	}

	@Override
	public void notifyAll(Object monitor, int site) {
		locks.notifyWaiters(monitor, site, true);
	}

	@Override
	public void conditionAwait(Condition condition, int site) throws InterruptedException {
		locks.conditionAwait(condition, site);
	}

	@Override
	public void conditionAwaitUninterruptibly(Condition condition, int site) {
		locks.conditionAwaitUninterruptibly(condition, site);
	}

	@Override
	public long conditionAwaitNanos(Condition condition, long nanos, int site) throws InterruptedException {
		return locks.conditionAwaitNanos(condition, nanos, site);
	}

	@Override
	public boolean conditionAwait(Condition condition, long time, TimeUnit unit, int site)
			throws InterruptedException {
		return locks.conditionAwait(condition, time, unit, site);
	}

	@Override
	public boolean conditionAwaitUntil(Condition condition, Date deadline, int site) throws InterruptedException {
		return locks.conditionAwaitUntil(condition, deadline, site);
	}

	@Override
	public void conditionSignal(Condition condition, int site) {
		locks.signal(condition, site, false);
	}

	@Override
	public void conditionSignalAll(Condition condition, int site) {
		locks.signal(condition, site, true);
	}

	// -------------------------------------------------------------------------------------------- parking

	@Override
	public boolean park(Object blocker, long time, int mode) {
		return parking.park(blocker, time, mode);
	}

	@Override
	public boolean unpark(Thread thread) {
		return parking.unpark(thread);
	}

	@Override
	public void threadInterrupting(Thread thread) {
		parking.threadInterrupting(thread);
	}

	// ------------------------------------------------------------------------------------------- threads

	@Override
	public void threadStart(Thread thread, int site) {
		threads.threadStart(thread, site);
	}

	@Override
	public void threadStarting(Thread thread) {
		threads.threadStarting(thread);
	}

	@Override
	public void threadJoin(Thread thread, int site) throws InterruptedException {
		threads.threadJoin(thread, 0, site);
	}

	@Override
	public void threadJoin(Thread thread, long millis, int site) throws InterruptedException {
		threads.threadJoin(thread, millis, site);
	}

	@Override
	public void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
		threads.threadJoin(thread, millis, site);
	}

	@Override
	public void sleep(long millis, int site) throws InterruptedException {
		if (turn.current() == null) {
			passThrough.sleep(millis, site);
		} else if (Thread.interrupted()) {
			throw new InterruptedException("sleep interrupted");
		}
	}

	@Override
	public void sleep(long millis, int nanos, int site) throws InterruptedException {
		if (turn.current() == null) {
			passThrough.sleep(millis, nanos, site);
		} else if (Thread.interrupted()) {
			throw new InterruptedException("sleep interrupted");
		}
	}

	@Override
	public void threadYield(int site) {
		if (turn.current() == null) {
			passThrough.threadYield(site);
		}
	}
}

