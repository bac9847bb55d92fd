package dev.frontrun.internal.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread run by a {@link MarkerScheduler}. Its fields describe where it is in the schedule; they are read
 * and written only under the scheduler's lock.
 */
public final class ManagedThread extends Thread {

	/** Where a managed thread is. */
	enum Status {
		/** Started, waiting for its turn to run up to its first marker. */
		NEW,
		/** Holding the turn, or running freely after the schedule. */
		RUNNING,
		/** Waiting at a marker for its step. */
		AT_MARKER,
		/** Done, normally or not. */
		FINISHED
	}

	private final MarkerScheduler scheduler;
	private final Runnable body;

	Status status = Status.NEW;
	String marker;
	final List<String> passed = new ArrayList<>();

	ManagedThread(MarkerScheduler scheduler, String name, Runnable body) {
		super(name);
		this.scheduler = scheduler;
		this.body = body;
		setDaemon(true);
	}

	/**
	 * Gates this thread, which must be the calling thread, at a marker.
	 *
	 * @param name the marker's name
	 */
	public void gate(String name) {
		scheduler.gate(this, name);
	}

	@Override
	public void run() {
		Throwable failure = null;
		try {
			scheduler.begin(this);
			body.run();
		} catch (ScheduleAbortedError aborted) {
			// the schedule failed elsewhere and await() reports it
		} catch (Throwable t) {
			failure = t;
		}
		scheduler.finish(this, failure);
	}
}
