package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the races of a finished execution into new branches of the wakeup trees on its path (Abdulla et al.,
 * JACM 2017, Algorithm 2). For a race between event e at position i and a later event e', the sequence v is the
 * events after e that do not happen after it, in their order, followed by e'. Run from position i, v performs e'
 * before e. The events before e' see the same values as before and do the same; e' itself may not (a compare-and-set
 * that failed may now succeed), so it enters v as it was announced, which covers whatever it will do. It is not
 * planned when some thread asleep at position i is a weak initial of v (an equivalent sequence
 * starting with that thread has been explored), nor when position i's wakeup tree already covers it.
 */
final class RaceReversal {

	/** Decides whether a sequence may be planned from a position: the preemption bound's test. */
	interface Admission {

		boolean admits(int position, List<Event> sequence);
	}

	private final List<Position> path;
	private final Execution execution;
	private final Admission admission;
	/** The sequence of the race being reversed; copied only when it goes into a wakeup tree. */
	private final List<Event> sequence;

	RaceReversal(List<Position> path, Execution execution, Admission admission) {
		this.path = path;
		this.execution = execution;
		this.admission = admission;
		this.sequence = new ArrayList<>(execution.length());
	}

	/**
	 * Plans the reversal of a race.
	 *
	 * @param earlier the index of the earlier event
	 * @param later the later event as it was announced: one of the execution, or the acquisition a blocked thread
	 *        was waiting for
	 * @return what happened to the position's wakeup tree
	 */
	WakeupTree.Insertion reverse(int earlier, Event later) {
		List<Event> events = execution.events();
		sequence.clear();
		for (int index = earlier + 1; index < events.size(); index++) {
			if (!execution.happensBefore(earlier, index)) {
				sequence.add(events.get(index));
			}
		}
		sequence.add(later);
		Position position = path.get(earlier);
		for (Event sleeper : position.sleeping()) {
			if (WakeupTree.isWeakInitial(sleeper, sequence)) {
				return WakeupTree.Insertion.COVERED;
			}
		}
		return position.alternatives.insert(new ArrayList<>(sequence), planned -> admission.admits(earlier, planned));
	}
}
