package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.Resource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread of a controlled execution: its number, where it is in the hand-over of the single turn to run, and
 * its part of the models (the locks it holds, its parking permit, what it waits for).
 *
 * <p>Fields other than the volatile ones are touched only by the thread that holds the turn, so the hand-over itself
 * orders them; a thread that has not arrived yet (see {@link #arrived}) touches only its own, before it sets
 * {@code arrived}.
 */
final class Worker {

	/** No deadline: an untimed wait. */
	static final long UNTIMED = Long.MAX_VALUE;

	final int index;
	final Thread thread;

	/** Set by the thread that hands over the turn; cleared by this worker when it takes it. */
	volatile boolean turn;
	/**
	 * Set once this worker has reached its first scheduling point ({@link #firstOperation} says what it is) or has
	 * finished, by the worker itself; whoever waits for it (the controller, or the thread that started it) then
	 * tells the engine, so that only one thread at a time talks to the engine.
	 */
	volatile boolean arrived;
	/** Whether the worker waits in the scheduler for its turn, rather than running or blocking elsewhere. */
	volatile boolean waitingForTurn;
	/** Set by a thread frontrun does not manage that unparked or interrupted this worker. */
	volatile boolean externalWake;
	/** The thread waiting for this worker to arrive, which it wakes when it does. */
	volatile Thread awaiter;

	/** What the worker announces at its first scheduling point; {@code null} if it finished before any. */
	Operation firstOperation;
	/** Whether the engine has been told about the worker's arrival. */
	boolean settled;
	/** Threads this worker started, which have not been settled yet. */
	final List<Worker> pendingChildren = new ArrayList<>(0);

	/** Whether the worker runs a body of the exploration, which reports its end itself; a thread the program
	 * started ends silently, and the controlling thread notices. */
	boolean reportsItsEnd;
	/** Whether the scheduler itself is parking or unparking on this thread, which the hooks must let through. */
	boolean internal;
	/** What the worker was chosen to do and has not reported yet, with its site. */
	Operation chosen;
	int chosenSite;
	/** The monitor the worker waits on in {@code Object.wait}, if it does. */
	Object waitMonitor;
	boolean finished;

	/** The operation of the worker's last scheduling point. */
	Operation lastOperation;
	/**
	 * The object of the last call into code frontrun does not instrument, whose hidden state the code running now
	 * changes, with the call's site: what a thread that parks in that code does once it resumes.
	 */
	Resource context;
	int contextSite;

	/** The permit of {@code LockSupport.park}, in the model. */
	boolean permit;
	/** What the worker waits for in the model (park, monitor or condition wait), or {@code null}. */
	Waiting waiting;

	private final Map<Object, Integer> monitorDepths = new IdentityHashMap<>();
	private final Map<Object, Integer> sharedDepths = new IdentityHashMap<>(0);

	/** The kind of a model wait. */
	enum WaitKind {
		/** {@code LockSupport.park}: woken by {@code unpark} or an interrupt. */
		PARK,
		/** {@code Object.wait} or {@code Condition.await}: woken by a notification, a signal or an interrupt. */
		NOTIFY
	}

	/**
	 * A wait in the model: the worker has announced a wait and is disabled until another thread wakes it, or until
	 * its timeout fires when no thread can run.
	 */
	static final class Waiting {

		final WaitKind kind;
		/** The wait the worker announced. */
		final Operation operation;
		/** What the worker does once woken. */
		final Operation resume;
		/** The virtual time when the timeout fires, or {@link #UNTIMED}. */
		final long deadline;
		/** The monitor or condition whose wait set the worker is in, for notifications. */
		final Object waitSet;
		/** Whether an interrupt wakes the worker with an {@code InterruptedException}. */
		final boolean interruptible;
		/** Whether the worker has been woken, and how. */
		boolean woken;
		boolean timedOut;
		boolean interrupted;

		Waiting(WaitKind kind, Operation operation, Operation resume, long deadline, Object waitSet,
				boolean interruptible) {
			this.kind = kind;
			this.operation = operation;
			this.resume = resume;
			this.deadline = deadline;
			this.waitSet = waitSet;
			this.interruptible = interruptible;
		}
	}

	Worker(int index, Thread thread) {
		this.index = index;
		this.thread = thread;
	}

	/** Counts one more hold of a monitor. */
	void enter(Object monitor) {
		monitorDepths.merge(monitor, 1, Integer::sum);
	}

	/** Counts one hold of a monitor less. */
	void exit(Object monitor) {
		monitorDepths.computeIfPresent(monitor, (m, depth) -> depth == 1 ? null : depth - 1);
	}

	/** How many times this worker holds a monitor. */
	int depth(Object monitor) {
		return monitorDepths.getOrDefault(monitor, 0);
	}

	/** Sets how many times this worker holds a monitor. */
	void setDepth(Object monitor, int depth) {
		if (depth == 0) {
			monitorDepths.remove(monitor);
		} else {
			monitorDepths.put(monitor, depth);
		}
	}

	/** Counts one more shared hold of a lock. */
	void enterShared(Object lock) {
		sharedDepths.merge(lock, 1, Integer::sum);
	}

	/** Counts one shared hold of a lock less. */
	void exitShared(Object lock) {
		sharedDepths.computeIfPresent(lock, (m, depth) -> depth == 1 ? null : depth - 1);
	}

	/** How many shared holds of a lock this worker has. */
	int sharedDepth(Object lock) {
		return sharedDepths.getOrDefault(lock, 0);
	}

	/** Gives this worker the turn. */
	void wake() {
		turn = true;
		Object monitor = waitMonitor;
		if (monitor != null) {
			synchronized (monitor) {
				monitor.notifyAll();
			}
		} else {
			LockSupport.unpark(thread);
		}
	}

	@Override
	public String toString() {
		return "thread " + index;
	}
}
