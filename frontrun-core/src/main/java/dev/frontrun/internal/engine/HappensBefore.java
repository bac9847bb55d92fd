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
 * release; the acquisition still happens after that release, which is the edge that orders them. With shared (read)
 * holds: a shared acquisition races with the last exclusive one and happens after its release; an exclusive
 * acquisition races with the shared acquisitions since the last exclusive one (or, if there were none, with that
 * one), and happens after all their releases. Shared acquisitions never race with each other.
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

	/**
	 * The last outermost exclusive acquisition and release of one lock, and the outermost shared acquisitions and
	 * releases since that acquisition.
	 */
	private static final class LockHistory {

		int lastAcquire = -1;
		int lastRelease = -1;
		/** The thread holding the lock exclusively, or -1. */
		int exclusiveHolder = -1;
		final List<Integer> sharedAcquires = new ArrayList<>();
		/** Whether each shared acquisition was a downgrade: made by the thread holding the lock exclusively. */
		final List<Boolean> downgrades = new ArrayList<>();
		final List<Integer> sharedReleases = new ArrayList<>();
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
					if (history.downgrades.contains(false)) {
						addSharedRaces(history, index, clock);
					} else if (history.lastAcquire >= 0 && !happensBefore(history.lastAcquire, clock)) {
						races.add(new DirectRace(history.lastAcquire, index));
					}
					if (history.lastRelease >= 0) {
						clock.joinWith(stamps.get(history.lastRelease).clock);
					}
					for (int release : history.sharedReleases) {
						clock.joinWith(stamps.get(release).clock);
					}
					history.lastAcquire = index;
					history.exclusiveHolder = thread;
					history.sharedAcquires.clear();
					history.downgrades.clear();
					history.sharedReleases.clear();
				}
			}
			case RELEASE -> {
				if (!nestedLockOperation) {
					LockHistory history = locks.get(operation.resource());
					history.lastRelease = index;
					history.exclusiveHolder = -1;
				}
			}
			case ACQUIRE_SHARED -> {
				if (!nestedLockOperation) {
					LockHistory history = locks.computeIfAbsent(operation.resource(), r -> new LockHistory());
					if (history.lastAcquire >= 0 && !happensBefore(history.lastAcquire, clock)) {
						races.add(new DirectRace(history.lastAcquire, index));
					}
					if (history.lastRelease >= 0) {
						clock.joinWith(stamps.get(history.lastRelease).clock);
					}
					history.sharedAcquires.add(index);
					history.downgrades.add(history.exclusiveHolder == thread);
				}
			}
			case RELEASE_SHARED -> {
				if (!nestedLockOperation) {
					locks.get(operation.resource()).sharedReleases.add(index);
				}
			}
			case JOIN -> clock.joinWith(threadClocks.get((int) operation.resource().id()));
		}
		stamps.add(new Stamp(thread, ordinal, clock));
		threadClocks.set(thread, clock);
	}

	/**
	 * Adds the races of an exclusive acquisition with the shared acquisitions since the last exclusive one, but for
	 * downgrades (a shared acquisition by the exclusive holder, which the new one could not precede without
	 * preceding the exclusive acquisition too): each of them races with it unless it already happens before it by
	 * another path than the release of its own thread,
	 * that is, before the acquiring thread's clock joined with the other shared holders' releases. Reversing such a
	 * race runs the exclusive acquisition just before the shared one, after the releases of the threads that held the
	 * lock there, which do not happen after the shared acquisition.
	 */
	private void addSharedRaces(LockHistory history, int index, VectorClock clock) {
		for (int i = 0; i < history.sharedAcquires.size(); i++) {
			if (history.downgrades.get(i)) {
				continue;
			}
			int acquire = history.sharedAcquires.get(i);
			int holder = stamps.get(acquire).thread;
			if (happensBefore(acquire, clock)) {
				continue;
			}
			VectorClock others = clock.copy();
			for (int release : history.sharedReleases) {
				if (stamps.get(release).thread != holder) {
					others.joinWith(stamps.get(release).clock);
				}
			}
			if (!happensBefore(acquire, others)) {
				races.add(new DirectRace(acquire, index));
			}
		}
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

	/**
	 * The outermost acquisitions by which the holders of a lock hold it now: the last exclusive acquisition if a
	 * thread holds it exclusively and, unless only that one is asked for, the shared acquisitions of the threads
	 * that hold it shared (for a downgrade, the exclusive acquisition it followed).
	 *
	 * @param lock the lock
	 * @param holds who holds what now
	 * @param shared whether the shared holders' acquisitions are wanted too (for an exclusive acquisition)
	 * @return the event indices
	 */
	List<Integer> heldAcquisitions(Resource lock, LockTable holds, boolean shared) {
		LockHistory history = locks.get(lock);
		List<Integer> held = new ArrayList<>();
		if (history == null) {
			return held;
		}
		if (holds.exclusiveOwner(lock) >= 0 && history.lastAcquire >= 0) {
			held.add(history.lastAcquire);
		}
		if (shared) {
			for (int i = 0; i < history.sharedAcquires.size(); i++) {
				int acquire = history.sharedAcquires.get(i);
				if (holds.holdsShared(stamps.get(acquire).thread, lock)) {
					int holding = history.downgrades.get(i) ? history.lastAcquire : acquire;
					if (!held.contains(holding)) {
						held.add(holding);
					}
				}
			}
		}
		return held;
	}

	/** The races found so far, in the order their later events ran. */
	List<DirectRace> races() {
		return races;
	}
}
