package dev.frontrun.internal.engine;

import dev.frontrun.internal.engine.ExecutionReport.Outcome;
import dev.frontrun.internal.engine.HappensBefore.DirectRace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One execution as it runs: its threads and what they announced, who holds which lock, the events so far with their
 * happens-before order, and the preemptions of its schedule.
 */
final class Execution {

	/**
	 * A race to reverse: an event of the execution, and a later event of another thread that should run before it.
	 *
	 * @param earlier the index of the earlier event
	 * @param later the later event, as it was announced
	 */
	record ReversibleRace(int earlier, Event later) {
	}

	private static final Comparator<Race> LATER_THEN_EARLIER = Comparator
			.comparingInt((Race race) -> race.later().index())
			.thenComparingInt(race -> race.earlier().index());
	private static final Comparator<ReversibleRace> EARLIER = Comparator.comparingInt(ReversibleRace::earlier);

	private final ThreadTable threads = new ThreadTable();
	private final LockTable locks = new LockTable();
	private final HappensBefore order = new HappensBefore();
	private final List<Event> events = new ArrayList<>();
	private final List<Operation> announcements = new ArrayList<>();
	private int preemptions;

	/** Forgets everything, to run another execution in this object; its tables keep the room they have grown. */
	void clear() {
		threads.clear();
		locks.clear();
		order.clear();
		events.clear();
		announcements.clear();
		preemptions = 0;
	}

	void start(int thread) {
		threads.start(thread);
		order.start(thread);
	}

	void spawn(int parent, int child) {
		threads.requireRunning(parent);
		threads.start(child);
		order.spawn(parent, child);
	}

	void announce(int thread, Operation next) {
		threads.announce(thread, next);
	}

	void notified(int notifier, int thread, Operation next) {
		Operation waiting = threads.announced(thread);
		if (waiting == null || waiting.kind() != AccessKind.WAIT) {
			throw new IllegalStateException("Thread " + thread + " was notified but does not wait: it announced "
					+ waiting);
		}
		threads.ran(thread);
		threads.announce(thread, next);
		order.notify(notifier, thread);
	}

	void finish(int thread) {
		threads.finish(thread);
	}

	/** The running threads, all of which must have announced their next operation; callers must not change it. */
	int[] running() {
		int[] running = threads.running();
		for (int thread : running) {
			if (threads.announced(thread) == null) {
				throw new IllegalStateException("Thread " + thread + " is running but has neither announced its next "
						+ "operation nor finished");
			}
		}
		return running;
	}

	/**
	 * The running threads that can perform their announced operation now, in increasing order: the given array
	 * itself when all of them can. Callers must not change it.
	 */
	int[] enabled(int[] running) {
		int count = 0;
		for (int thread : running) {
			if (canRun(thread, threads.announced(thread))) {
				count++;
			}
		}
		if (count == running.length) {
			return running;
		}
		int[] enabled = new int[count];
		int next = 0;
		for (int thread : running) {
			if (canRun(thread, threads.announced(thread))) {
				enabled[next++] = thread;
			}
		}
		return enabled;
	}

	Operation announced(int thread) {
		return threads.announced(thread);
	}

	/** How many events have run. */
	int length() {
		return events.size();
	}

	List<Event> events() {
		return events;
	}

	ThreadTable threads() {
		return threads;
	}

	boolean happensBefore(int earlier, int later) {
		return order.happensBefore(earlier, later);
	}

	/** The thread that ran last, or -1. */
	int previousThread() {
		return events.isEmpty() ? -1 : events.get(events.size() - 1).thread();
	}

	int preemptions() {
		return preemptions;
	}

	/**
	 * Adds the event a thread performed.
	 *
	 * @param preempting whether running it switched away from a thread that could have gone on
	 * @return the event
	 * @throws IllegalArgumentException if the thread announced something that does not cover what it performed
	 */
	Event add(int thread, Operation performed, boolean preempting) {
		Operation announced = threads.announced(thread);
		if (!announced.mayBePerformedAs(performed)) {
			throw new IllegalArgumentException("Thread " + thread + " announced " + announced + " but performed "
					+ performed + "; only an announced write may turn out to be a read (a failed compare-and-set)");
		}
		Event event = new Event(thread, performed);
		order.add(event, locks.apply(thread, performed));
		threads.ran(thread);
		events.add(event);
		announcements.add(announced);
		if (preempting) {
			preemptions++;
		}
		return event;
	}

	/** The running threads that cannot run, with what they wait for. */
	List<BlockedThread> blocked() {
		int[] running = threads.running();
		if (running.length == 0) {
			return List.of();
		}
		List<BlockedThread> blocked = new ArrayList<>();
		for (int thread : running) {
			Operation next = threads.announced(thread);
			if (next != null && !canRun(thread, next)) {
				int blocker = switch (next.kind()) {
					case ACQUIRE -> locks.owner(next.resource());
					case ACQUIRE_SHARED -> locks.exclusiveOwner(next.resource());
					case JOIN -> (int) next.resource().id();
					default -> -1;
				};
				blocked.add(new BlockedThread(thread, next, blocker));
			}
		}
		return blocked;
	}

	Outcome outcome() {
		int running = threads.running().length;
		return running == 0 ? Outcome.COMPLETED : running == blocked().size() ? Outcome.DEADLOCKED : Outcome.ABANDONED;
	}

	/**
	 * The races whose reversal may lead to new traces, ordered by their earlier and then their later event: the
	 * races between events, and, for each thread blocked on a lock, the race of its acquisition with each holder's
	 * (the exclusive holder's, or, for an exclusive acquisition, the shared holders') unless that acquisition
	 * happens before the thread's last event.
	 */
	List<ReversibleRace> reversibleRaces() {
		List<DirectRace> races = order.races();
		List<ReversibleRace> reversible = new ArrayList<>(races.size());
		for (DirectRace race : races) {
			Event later = events.get(race.later());
			Operation announced = announcements.get(race.later());
			reversible.add(new ReversibleRace(race.earlier(), later.operation().equals(announced) ? later
					: new Event(later.thread(), announced)));
		}
		reversible.sort(EARLIER);
		for (BlockedThread waiting : blocked()) {
			AccessKind kind = waiting.waitingFor().kind();
			if (kind == AccessKind.ACQUIRE || kind == AccessKind.ACQUIRE_SHARED) {
				Resource lock = waiting.waitingFor().resource();
				for (int holderAcquire : order.heldAcquisitions(lock, locks, kind == AccessKind.ACQUIRE)) {
					if (!order.happensBeforeThread(holderAcquire, waiting.thread())) {
						reversible.add(new ReversibleRace(holderAcquire, new Event(waiting.thread(),
								waiting.waitingFor())));
					}
				}
			}
		}
		return reversible;
	}

	/**
	 * What the execution did: every step, the races between the steps, ordered by their later and then their
	 * earlier step, and the threads still waiting.
	 *
	 * @param number which execution this is
	 * @param outcome how it ended
	 * @return the report
	 */
	ExecutionReport report(long number, Outcome outcome) {
		Step[] schedule = new Step[events.size()];
		for (int index = 0; index < schedule.length; index++) {
			Event event = events.get(index);
			schedule[index] = new Step(index, event.thread(), event.operation());
		}
		List<DirectRace> direct = order.races();
		Race[] races = new Race[direct.size()];
		for (int index = 0; index < races.length; index++) {
			DirectRace race = direct.get(index);
			races[index] = new Race(schedule[race.earlier()], schedule[race.later()]);
		}
		Arrays.sort(races, LATER_THEN_EARLIER);
		return new ExecutionReport(number, outcome, List.of(schedule), List.of(races), blocked());
	}

	private boolean canRun(int thread, Operation next) {
		return switch (next.kind()) {
			case ACQUIRE -> locks.isAvailableTo(thread, next.resource());
			case ACQUIRE_SHARED -> locks.isAvailableSharedTo(thread, next.resource());
			case JOIN -> threads.isFinished((int) next.resource().id());
			case WAIT -> false;
			default -> true;
		};
	}
}
