package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Scheduler;
import dev.frontrun.internal.explore.BodyThreads.BodyThread;
import dev.frontrun.internal.explore.Worker.WaitKind;
import dev.frontrun.internal.explore.Worker.Waiting;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the parts of one controlled execution share: the engine, the managed threads, the wait sets of the model,
 * and whether the execution is over.
 *
 * <p>The object also stands for the execution where one is needed: a {@link BodyThread} that runs a body of the
 * execution belongs to it, and the scheduler's own parks name it as their blocker, so that the park hook lets them
 * through.
 */
final class ExecutionState {

	/** How long a thread that waits for another to arrive, or for the end, parks between two looks. */
	static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

	/** The engine (or sampling scheduler) that decides which thread runs. */
	final Scheduler engine;
	/** The controlling thread: the test's, which runs the execution and waits for its end. */
	final Thread controller = Thread.currentThread();
	/** The workers of the managed threads other than body threads (which know their own), by thread. */
	private final Map<Thread, Worker> workers = new ConcurrentHashMap<>();
	/** The managed threads' workers, by number. */
	final List<Worker> byIndex = new ArrayList<>();
	/** The workers that wait in the model's wait set of a monitor or a condition, in the order they began. */
	final Map<Object, Deque<Worker>> waitSets = new IdentityHashMap<>();

	/** Set once the execution is over and the threads that are left must stop at their next hook. */
	volatile boolean aborted;
	/** Why the execution had to be abandoned while it ran (a replay diverged, a thread blocked unseen), or null. */
	volatile String divergence;
	/**
	 * Whether managed threads dealt with threads frontrun does not manage, which may wake them: they started or
	 * unparked one, one woke them, or a lock the model gave them was really held. A thread then parked with nobody to
	 * wake it ends the execution as abandoned, after a grace period, rather than as a deadlock.
	 */
	volatile boolean foreign;

	ExecutionState(Scheduler engine) {
		this.engine = engine;
	}

	/**
	 * Registers a managed thread under the next number. A body thread is not put in the map: it is given its worker
	 * with its body ({@link BodyThread#execute}).
	 */
	Worker register(Thread thread) {
		Worker worker = new Worker(byIndex.size(), thread);
		byIndex.add(worker);
		if (!(thread instanceof BodyThread)) {
			workers.put(thread, worker);
		}
		return worker;
	}

	/** The worker of a thread in this execution, or {@code null} if frontrun does not run it here. */
	Worker workerOf(Thread thread) {
		return thread instanceof BodyThread body ? body.assignedIn(this) : workers.get(thread);
	}

	/**
	 * The worker of the calling thread, or {@code null} if frontrun does not run it in this execution: a body thread
	 * between bodies, waiting in {@link BodyThreads} for the next, is not.
	 */
	Worker self() {
		Thread thread = Thread.currentThread();
		return thread instanceof BodyThread body ? body.workerFor(this) : workers.get(thread);
	}

	/** Takes a worker that has been woken out of the wait set it waited in, if any. */
	void leaveWaitSet(Worker worker, Waiting waiting) {
		Deque<Worker> set = waiting.waitSet == null ? null : waitSets.get(waiting.waitSet);
		if (set != null) {
			set.remove(worker);
		}
	}

	/** Where a worker's thread is in the program's code, for the reason an execution was abandoned. */
	static String where(Worker worker) {
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

	/** Whether a worker is a thread of an executor that is parked waiting for a task: idle, not stuck. */
	static boolean isIdlePoolWorker(Worker worker) {
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
}
