package dev.frontrun.internal.trace;

import dev.frontrun.ScheduleException;
import dev.frontrun.Step;
import dev.frontrun.ThreadFailedException;
import dev.frontrun.internal.markers.MarkerIndex;
import dev.frontrun.internal.trace.ManagedThread.Status;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs named threads so that they pass their markers in the order of a list of steps, one thread at a time.
 *
 * <p>The thread that holds the turn runs until it reaches a marker or ends; then the turn passes on. Threads
 * that have not reached their first marker get it first, in the order they were added; after that, the turn goes
 * to the thread named by the next step, once that thread waits at the step's marker. When no step can ever be
 * taken, the scheduler fails at once with the reason; {@link #await} also watches for a thread that blocks on a
 * lock held by a thread waiting at a marker, and for the timeout.
 */
public final class MarkerScheduler {

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final ReentrantLock lock = new ReentrantLock();
	private final Condition changed = lock.newCondition();
	private final List<Step> steps;
	private final MarkerIndex markers;
	private final Map<String, ManagedThread> threads = new LinkedHashMap<>();

	private int next;
	private ManagedThread running;
	private boolean started;
	private boolean free;
	private RuntimeException failure;
	private boolean stuckOnLock;
	private boolean timedOut;

	/**
	 * Creates a scheduler.
	 *
	 * @param steps the steps, in order
	 * @param markers the marker index, for hints about marker names
	 */
	public MarkerScheduler(List<Step> steps, MarkerIndex markers) {
		this.steps = List.copyOf(steps);
		this.markers = markers;
	}

	/**
	 * Adds and starts a thread; it waits for its turn, which comes after {@link #await} is called.
	 *
	 * @param name the thread's name, unique in this scheduler
	 * @param body what it runs
	 */
	public void add(String name, Runnable body) {
		ManagedThread thread = new ManagedThread(this, name, body);
		lock.lock();
		try {
			if (started) {
				throw new IllegalStateException("Cannot add thread '" + name + "' after await(): an executor runs once; "
						+ "create a new TraceExecutor for another run");
			}
			if (threads.containsKey(name)) {
				abandon(new ScheduleException("Thread name '" + name + "' is used twice: give each thread of an "
						+ "executor its own name, as the schedule's steps refer to threads by name"));
				throw new IllegalArgumentException(failure.getMessage());
			}
			threads.put(name, thread);
		} finally {
			lock.unlock();
		}
		thread.start();
	}

	/**
	 * Starts the schedule and waits until every thread has finished.
	 *
	 * @param timeout how long to wait in all
	 * @throws ScheduleException if the schedule cannot be followed or does not finish in time
	 * @throws ThreadFailedException if a thread throws
	 */
	public void await(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		lock.lock();
		try {
			if (!started) {
				started = true;
				checkThreadNames();
				dispatch();
			}
			while (failure == null && !allFinished()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					timedOut = failure == null;
					abandon(new ScheduleException(timedOut(timeout)));
					break;
				}
				changed.awaitNanos(Math.min(left, POLL_NANOS));
				checkBlocked();
			}
			if (failure != null) {
				throw onThisThread(failure);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			abandon(new ScheduleException("Interrupted while waiting for the schedule"));
			throw failure;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Tells whether {@link #await} failed because the running thread blocked on a lock held by a thread waiting at
	 * a marker: the schedule asks for an order that the locks forbid.
	 *
	 * @return {@code true} only after such a failure
	 */
	public boolean stuckOnLock() {
		lock.lock();
		try {
			return stuckOnLock;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Tells whether {@link #await} failed because its timeout ran out.
	 *
	 * @return {@code true} only after such a failure
	 */
	public boolean timedOut() {
		lock.lock();
		try {
			return timedOut;
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Recreates a failure on the awaiting thread, so that its stack trace points at the test's {@code await}
	 * rather than at the managed thread that noticed it.
	 */
	private static RuntimeException onThisThread(RuntimeException failure) {
		if (failure instanceof ThreadFailedException thread) {
			return new ThreadFailedException(thread.threadName(), thread.getCause());
		}
		return new ScheduleException(failure.getMessage());
	}

	void begin(ManagedThread thread) {
		lock.lock();
		try {
			waitForTurn(thread);
			thread.status = Status.RUNNING;
		} finally {
			lock.unlock();
		}
	}

	void gate(ManagedThread thread, String marker) {
		lock.lock();
		try {
			if (failure != null) {
				throw new ScheduleAbortedError();
			}
			if (free) {
				return;
			}
			thread.status = Status.AT_MARKER;
			thread.marker = marker;
			running = null;
			dispatch();
			waitForTurn(thread);
			thread.status = Status.RUNNING;
			thread.marker = null;
		} finally {
			lock.unlock();
		}
	}

	void finish(ManagedThread thread, Throwable thrown) {
		lock.lock();
		try {
			thread.status = Status.FINISHED;
			if (thrown != null && failure == null) {
				abandon(new ThreadFailedException(thread.getName(), thrown));
			}
			if (running == thread) {
				running = null;
				dispatch();
			}
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	private void waitForTurn(ManagedThread thread) {
		while (running != thread && !free && failure == null) {
			changed.awaitUninterruptibly();
		}
		if (failure != null) {
			throw new ScheduleAbortedError();
		}
	}

	/** Passes the turn, if nobody holds it. */
	private void dispatch() {
		if (!started || running != null || free || failure != null) {
			return;
		}
		for (ManagedThread thread : threads.values()) {
			if (thread.status == Status.NEW) {
				grant(thread);
				return;
			}
		}
		if (next == steps.size()) {
			free = true;
			changed.signalAll();
			return;
		}
		Step step = steps.get(next);
		ManagedThread thread = threads.get(step.thread());
		if (thread.status == Status.FINISHED) {
			abandon(new ScheduleException(stepLabel() + " cannot run: " + step.thread()
					+ " finished without reaching marker '" + step.marker() + "'. " + markerHint(thread, step)));
		} else if (!thread.marker.equals(step.marker())) {
			abandon(new ScheduleException(stepLabel() + " cannot run: " + step.thread() + " is waiting at marker '"
					+ thread.marker + "', not '" + step.marker() + "'. " + markerHint(thread, step)
					+ " A thread passes a marker only when the next step names that thread and that marker; a marker "
					+ "hit again (in a loop) needs one step per hit.\n" + positions()));
		} else {
			next++;
			thread.passed.add(thread.marker);
			free = next == steps.size();
			grant(thread);
		}
	}

	private void grant(ManagedThread thread) {
		running = thread;
		changed.signalAll();
	}

	private void abandon(RuntimeException reason) {
		if (failure == null) {
			failure = reason;
		}
		changed.signalAll();
	}

	private void checkThreadNames() {
		for (int i = 0; i < steps.size(); i++) {
			String name = steps.get(i).thread();
			if (!threads.containsKey(name)) {
				String hint = NameSuggestion.closest(name, threads.keySet()).map(s -> " Did you mean '" + s + "'?")
						.orElse("");
				abandon(new ScheduleException("Step " + (i + 1) + " of " + steps.size() + " " + steps.get(i)
						+ " names thread '" + name + "', but no thread of that name was added: this executor runs "
						+ String.join(", ", threads.keySet()) + "." + hint
						+ " Add it with executor.run(\"" + name + "\", ...) or fix the schedule."));
				return;
			}
		}
	}

	/** Fails when the running thread is blocked on a lock that a thread waiting at a marker holds. */
	private void checkBlocked() {
		ManagedThread thread = running;
		if (thread == null || free || failure != null) {
			return;
		}
		Thread.State state = thread.getState();
		if (state != Thread.State.BLOCKED && state != Thread.State.WAITING) {
			return;
		}
		ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId(), 1);
		if (info == null) {
			return;
		}
		for (ManagedThread owner : threads.values()) {
			if (owner.getId() == info.getLockOwnerId() && owner.status == Status.AT_MARKER) {
				stuckOnLock = true;
				abandon(new ScheduleException("The schedule is stuck before " + stepLabel() + ": " + thread.getName()
						+ " is blocked at " + frame(thread) + " on a lock of class " + info.getLockInfo().getClassName()
						+ ", held by "
						+ owner.getName() + ", which waits at marker '" + owner.marker + "' for its step. Reorder the "
						+ "schedule so that " + owner.getName() + " releases the lock before " + thread.getName()
						+ " needs it.\n" + positions()));
				return;
			}
		}
	}

	private boolean allFinished() {
		for (ManagedThread thread : threads.values()) {
			if (thread.status != Status.FINISHED) {
				return false;
			}
		}
		return true;
	}

	private String stepLabel() {
		return "Step " + (next + 1) + " of " + steps.size() + " " + steps.get(next);
	}

	private String markerHint(ManagedThread thread, Step step) {
		Set<String> known = new TreeSet<>(markers.knownNames());
		known.addAll(thread.passed);
		String passed = thread.passed.isEmpty() ? "It passed no marker."
				: "It passed the markers " + thread.passed + ".";
		String suggestion = NameSuggestion.closest(step.marker(), known).map(s -> " Did you mean '" + s + "'?")
				.orElse("");
		String where = known.contains(step.marker()) ? ""
				: " Markers are read from the source roots (frontrun.sourceRoots); the markers found so far are "
						+ known + ".";
		return passed + suggestion + where;
	}

	private String timedOut(Duration timeout) {
		String what = free ? "The threads did not finish within " + timeout.toMillis() + " ms after the schedule "
				+ "completed" : "The schedule did not finish within " + timeout.toMillis() + " ms: " + stepLabel()
						+ " has not run";
		return what + ".\n" + positions();
	}

	private String positions() {
		StringBuilder text = new StringBuilder("Where the threads are:");
		for (ManagedThread thread : threads.values()) {
			text.append("\n  ").append(thread.getName()).append(": ").append(switch (thread.status) {
			case NEW -> "not yet at its first marker, waiting for its turn";
			case AT_MARKER -> "waiting at marker '" + thread.marker + "'";
			case RUNNING -> "running, at " + frame(thread) + " (" + thread.getState() + ")";
			case FINISHED -> "finished";
			});
		}
		return text.toString();
	}

	/** The innermost frame of the thread that is not in the JDK or frontrun. */
	private static String frame(Thread thread) {
		StackTraceElement[] stack = thread.getStackTrace();
		for (StackTraceElement element : stack) {
			String type = element.getClassName();
			if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
					&& !type.startsWith("dev.frontrun.")) {
				return describe(element);
			}
		}
		return stack.length > 0 ? describe(stack[0]) : "an unknown place";
	}

	private static String describe(StackTraceElement element) {
		return element.getClassName() + "." + element.getMethodName() + "(" + element.getFileName() + ":"
				+ element.getLineNumber() + ")";
	}
}
