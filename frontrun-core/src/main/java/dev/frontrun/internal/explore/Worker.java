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

	/** How many times this worker holds each monitor, and each lock it holds exclusively. */
	final Holds monitors = new Holds();
	/** How many shared holds this worker has of each lock held in shared mode. */
	final Holds sharedHolds = new Holds();

	/** How many times a worker holds each of some objects; an object it does not hold is absent. */
	static final class Holds {

		private final Map<Object, Integer> depths = new IdentityHashMap<>(0);

		/** Counts one more hold of an object. */
		void enter(Object object) {
			depths.merge(object, 1, Integer::sum);
		}

		/** Counts one hold of an object less. */
		void exit(Object object) {
			depths.computeIfPresent(object, (o, depth) -> depth == 1 ? null : depth - 1);
		}

		/** How many times the object is held. */
		int depth(Object object) {
			return depths.getOrDefault(object, 0);
		}

		/** Sets how many times the object is held. */
		void setDepth(Object object, int depth) {
			if (depth == 0) {
				depths.remove(object);
			} else {
				depths.put(object, depth);
			}
		}
	}

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

	/** The holds of the lock or monitor objects in a mode: shared ones, or exclusive ones and monitors. */
	Holds holds(boolean shared) {
		return shared ? sharedHolds : monitors;
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
