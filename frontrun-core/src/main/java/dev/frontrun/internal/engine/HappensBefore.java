package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
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

		private static final int[] NO_READS = {};

		int lastWrite = -1;
		/** For each thread, the index of its last read, or -1; threads past the end have not read. */
		int[] lastReadByThread = NO_READS;

		void read(int thread, int event) {
			if (thread >= lastReadByThread.length) {
				int length = lastReadByThread.length;
				lastReadByThread = Arrays.copyOf(lastReadByThread, Math.max(thread + 1, 2 * length));
				Arrays.fill(lastReadByThread, length, lastReadByThread.length, -1);
			}
			lastReadByThread[thread] = event;
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

	/**
	 * A race between two events of the execution.
	 *
	 * @param earlier the index of the event that ran first
	 * @param later the index of the event that ran second
	 */
	record DirectRace(int earlier, int later) {
	}

	private final List<VectorClock> threadClocks = new ArrayList<>();
	/** How many events there are; for each, its thread, its ordinal in its thread (from 1) and its clock. */
	private int events;
	private int[] threadOf = new int[16];
	private int[] ordinalOf = new int[16];
	private VectorClock[] clockOf = new VectorClock[16];
	/** Scratch space for the earlier accesses a memory access may race with. */
	private int[] candidates = new int[4];
	private final Map<Resource, AccessHistory> accesses = new HashMap<>();
	private final Map<Resource, LockHistory> locks = new HashMap<>();
	private final List<DirectRace> races = new ArrayList<>();

	/** Forgets every event and thread, keeping the room the tables have grown. */
	void clear() {
		threadClocks.clear();
		Arrays.fill(clockOf, 0, events, null);
		events = 0;
		accesses.clear();
		locks.clear();
		races.clear();
	}

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
		int index = events;
		int thread = event.thread();
		VectorClock clock = threadClocks.get(thread).copy();
		int ordinal = clock.get(thread) + 1;
		clock.set(thread, ordinal);
		Operation operation = event.operation();
		switch (operation.kind()) {
			case READ -> {
				AccessHistory history = accesses.computeIfAbsent(operation.resource(), r -> new AccessHistory());
				candidates[0] = history.lastWrite;
				addMemoryRaces(index, thread, clock, 1);
				history.read(thread, index);
			}
			case WRITE -> {
				AccessHistory history = accesses.computeIfAbsent(operation.resource(), r -> new AccessHistory());
				if (candidates.length <= history.lastReadByThread.length) {
					candidates = new int[history.lastReadByThread.length + 1];
				}
				int count = 0;
				candidates[count++] = history.lastWrite;
				for (int read : history.lastReadByThread) {
					if (read > history.lastWrite) {
						candidates[count++] = read;
					}
				}
				addMemoryRaces(index, thread, clock, count);
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
						clock.joinWith(clockOf[history.lastRelease]);
					}
					for (int release : history.sharedReleases) {
						clock.joinWith(clockOf[release]);
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
						clock.joinWith(clockOf[history.lastRelease]);
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
		if (index == threadOf.length) {
			threadOf = Arrays.copyOf(threadOf, 2 * index);
			ordinalOf = Arrays.copyOf(ordinalOf, 2 * index);
			clockOf = Arrays.copyOf(clockOf, 2 * index);
		}
		threadOf[index] = thread;
		ordinalOf[index] = ordinal;
		clockOf[index] = clock;
		events++;
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
			int holder = threadOf[acquire];
			if (happensBefore(acquire, clock)) {
				continue;
			}
			VectorClock others = clock.copy();
			for (int release : history.sharedReleases) {
				if (threadOf[release] != holder) {
					others.joinWith(clockOf[release]);
				}
			}
			if (!happensBefore(acquire, others)) {
				races.add(new DirectRace(acquire, index));
			}
		}
	}

	/**
	 * Keeps the candidates (earlier conflicting events, the first {@code count} of {@link #candidates}, -1 for none)
	 * that are not already ordered before the new event, drops those ordered before another kept one, records the
	 * rest as races, and orders the new event after them.
	 */
	private void addMemoryRaces(int index, int thread, VectorClock clock, int count) {
		int unordered = 0;
		for (int i = 0; i < count; i++) {
			int candidate = candidates[i];
			if (candidate >= 0 && threadOf[candidate] != thread && !happensBefore(candidate, clock)) {
				candidates[unordered++] = candidate;
			}
		}
		for (int i = 0; i < unordered; i++) {
			int candidate = candidates[i];
			boolean direct = true;
			for (int j = 0; j < unordered; j++) {
				int other = candidates[j];
				if (other != candidate && happensBefore(candidate, clockOf[other])) {
					direct = false;
					break;
				}
			}
			if (direct) {
				races.add(new DirectRace(candidate, index));
			}
		}
		for (int i = 0; i < unordered; i++) {
			clock.joinWith(clockOf[candidates[i]]);
		}
	}

	private boolean happensBefore(int event, VectorClock clock) {
		return clock.get(threadOf[event]) >= ordinalOf[event];
	}

	/** Whether one event of the execution happens before (or is) another. */
	boolean happensBefore(int earlier, int later) {
		return happensBefore(earlier, clockOf[later]);
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
				if (holds.holdsShared(threadOf[acquire], lock)) {
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
