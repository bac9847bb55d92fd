package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The happens-before order of the current execution, computed with vector clocks as its events run, and the races
 * among those events.
 *
 * <p>An event happens after the previous event of its thread, after everything its thread's spawner had done when
 * it spawned the thread, after the last event of a thread it joins, and after every earlier event it conflicts with.
 * A race is a conflict between events of different threads that nothing else orders: the earlier event does not
 * happen before the later one by way of another event. Memory accesses race with the last write to the same
 * resource and, for a write, with the reads since that write. An outermost lock acquisition races with the previous
 * outermost acquisition of the same lock, unless that one happens before it by some path other than its own
 * release; the acquisition still happens after that release, which is the edge that orders them.
 */
final class HappensBefore {

	/** The last accesses of one memory resource. */
	private static final class AccessHistory {

		int lastWrite = -1;
		final List<Integer> lastReadByThread = new ArrayList<>();

		void read(int thread, int event) {
			while (lastReadByThread.size() <= thread) {
				lastReadByThread.add(-1);
			}
			lastReadByThread.set(thread, event);
		}
	}

	/** The last outermost acquisition and release of one lock. */
	private static final class LockHistory {

		int lastAcquire = -1;
		int lastRelease = -1;
	}

	private record Stamp(int thread, int ordinal, VectorClock clock) {
	}

	/**
	 * A race between two events of the execution.
	 *
	 * @param earlier the index of the event that ran first
	 * @param later the index of the event that ran second
	 */
	record DirectRace(int earlier, int later) {
	}

	private final List<VectorClock> threadClocks = new ArrayList<>();
	private final List<Stamp> stamps = new ArrayList<>();
	private final Map<Resource, AccessHistory> accesses = new HashMap<>();
	private final Map<Resource, LockHistory> locks = new HashMap<>();
	private final List<DirectRace> races = new ArrayList<>();

	void start(int thread) {
		setThreadClock(thread, new VectorClock());
	}

	void spawn(int parent, int child) {
		setThreadClock(child, threadClocks.get(parent).copy());
	}

	/** Orders everything the notifier did so far before what the notified thread does next. */
	void notify(int notifier, int notified) {
		VectorClock clock = threadClocks.get(notified).copy();
		clock.joinWith(threadClocks.get(notifier));
		threadClocks.set(notified, clock);
	}

	private void setThreadClock(int thread, VectorClock clock) {
		while (threadClocks.size() <= thread) {
			threadClocks.add(null);
		}
		threadClocks.set(thread, clock);
	}

	/**
	 * Adds the next event of the execution.
	 *
	 * @param event the event
	 * @param nestedLockOperation whether it is a reentrant acquire or a release that leaves the lock held, which
	 *        orders nothing
	 */
	void add(Event event, boolean nestedLockOperation) {
		int index = stamps.size();
		int thread = event.thread();
		VectorClock clock = threadClocks.get(thread).copy();
		int ordinal = clock.get(thread) + 1;
		clock.set(thread, ordinal);
		Operation operation = event.operation();
		switch (operation.kind()) {
			case READ -> {
				AccessHistory history = accesses.computeIfAbsent(operation.resource(), r -> new AccessHistory());
				addMemoryRaces(index, thread, clock, List.of(history.lastWrite));
				history.read(thread, index);
			}
			case WRITE -> {
				AccessHistory history = accesses.computeIfAbsent(operation.resource(), r -> new AccessHistory());
				List<Integer> candidates = new ArrayList<>(history.lastReadByThread.size() + 1);
				candidates.add(history.lastWrite);
				for (int read : history.lastReadByThread) {
					if (read > history.lastWrite) {
						candidates.add(read);
					}
				}
				addMemoryRaces(index, thread, clock, candidates);
				history.lastWrite = index;
			}
			case ACQUIRE -> {
				if (!nestedLockOperation) {
					LockHistory history = locks.computeIfAbsent(operation.resource(), r -> new LockHistory());
					if (history.lastAcquire >= 0) {
						if (!happensBefore(history.lastAcquire, clock)) {
							races.add(new DirectRace(history.lastAcquire, index));
						}
						clock.joinWith(stamps.get(history.lastRelease).clock);
					}
					history.lastAcquire = index;
				}
			}
			case RELEASE -> {
				if (!nestedLockOperation) {
					locks.get(operation.resource()).lastRelease = index;
				}
			}
			case JOIN -> clock.joinWith(threadClocks.get((int) operation.resource().id()));
		}
		stamps.add(new Stamp(thread, ordinal, clock));
		threadClocks.set(thread, clock);
	}

	/**
	 * Keeps the candidates (earlier conflicting events) that are not already ordered before the new event, drops
	 * those ordered before another kept one, records the rest as races, and orders the new event after them.
	 */
	private void addMemoryRaces(int index, int thread, VectorClock clock, List<Integer> candidates) {
		List<Integer> unordered = new ArrayList<>(candidates.size());
		for (int candidate : candidates) {
			if (candidate >= 0 && stamps.get(candidate).thread != thread && !happensBefore(candidate, clock)) {
				unordered.add(candidate);
			}
		}
		for (int candidate : unordered) {
			boolean direct = true;
			for (int other : unordered) {
				if (other != candidate && happensBefore(candidate, stamps.get(other).clock)) {
					direct = false;
					break;
				}
			}
			if (direct) {
				races.add(new DirectRace(candidate, index));
			}
		}
		for (int candidate : unordered) {
			clock.joinWith(stamps.get(candidate).clock);
		}
	}

	private boolean happensBefore(int event, VectorClock clock) {
		Stamp stamp = stamps.get(event);
		return clock.get(stamp.thread) >= stamp.ordinal;
	}

	/** Whether one event of the execution happens before (or is) another. */
	boolean happensBefore(int earlier, int later) {
		return happensBefore(earlier, stamps.get(later).clock);
	}

	/** Whether an event happens before everything a thread does from now on. */
	boolean happensBeforeThread(int event, int thread) {
		return happensBefore(event, threadClocks.get(thread));
	}

	/** The index of the last outermost acquisition of a lock, or -1 if none. */
	int lastAcquire(Resource lock) {
		LockHistory history = locks.get(lock);
		return history == null ? -1 : history.lastAcquire;
	}

	/** The races found so far, in the order their later events ran. */
	List<DirectRace> races() {
		return races;
	}
}
