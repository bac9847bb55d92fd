package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Operation;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread of a controlled execution: its number, and where it is in the hand-over of the single turn to run.
 *
 * <p>Fields other than {@link #turn} are touched only by the thread that holds the turn, so the hand-over itself
 * orders them.
 */
final class Worker {

	final int index;
	final Thread thread;

	/** Set by the thread that hands over the turn; cleared by this worker when it takes it. */
	volatile boolean turn;
	/** Set once this worker has announced its first operation or finished. */
	volatile boolean arrived;
	/** Whether the worker waits in the scheduler for its turn, rather than running or blocking elsewhere. */
	volatile boolean waitingForTurn;

	/** Whether the worker runs a body of the exploration, which reports its end itself; a thread the program
	 * started ends silently, and the controlling thread notices. */
	boolean reportsItsEnd;
	/** What the worker was chosen to do and has not reported yet, with its site. */
	Operation chosen;
	int chosenSite;
	/** The monitor the worker waits on in {@code Object.wait}, if it does. */
	Object waitMonitor;
	boolean finished;

	private final Map<Object, Integer> monitorDepths = new IdentityHashMap<>();

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
