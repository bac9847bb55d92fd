package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One scheduling point on the path of the current execution, and what the search knows about it: the threads
 * asleep there (whose next events are known to lead only to explored traces), the alternatives still to explore
 * there, and the event chosen there now.
 */
final class Position {

	/** Asleep on arrival: inherited from the previous point, each with the event it would perform here. */
	private final List<Event> sleepOnArrival;

	/** The events already explored here, in the order they were; asleep here from then on. */
	private final List<Event> explored = new ArrayList<>();

	/** The alternatives still to explore here. */
	final WakeupTree alternatives;

	/** How many preemptions the schedule had before this point. */
	final int preemptionsBefore;

	/** The event chosen here: performed in the current execution, or to be replayed in the next one. */
	Event chosen;

	/** The wakeup-tree node the chosen event came from, if it came from one; its subtree guides what follows. */
	WakeupTree.Node guide;

	Position(List<Event> sleepOnArrival, WakeupTree alternatives, int preemptionsBefore) {
		this.sleepOnArrival = sleepOnArrival;
		this.alternatives = alternatives;
		this.preemptionsBefore = preemptionsBefore;
	}

	/** The sleep set here: the threads asleep on arrival and those explored here, with their next events. */
	List<Event> sleeping() {
		if (explored.isEmpty()) {
			return sleepOnArrival;
		}
		List<Event> sleeping = new ArrayList<>(sleepOnArrival.size() + explored.size());
		sleeping.addAll(sleepOnArrival);
		sleeping.addAll(explored);
		return sleeping;
	}

	boolean isAsleep(int thread) {
		for (Event event : sleepOnArrival) {
			if (event.thread() == thread) {
				return true;
			}
		}
		for (Event event : explored) {
			if (event.thread() == thread) {
				return true;
			}
		}
		return false;
	}

	/** The sleep set on arrival at the next point: the sleepers here that the chosen event does not wake. */
	List<Event> sleepAfterChosen() {
		List<Event> next = new ArrayList<>();
		for (Event sleeper : sleeping()) {
			if (!sleeper.dependsOn(chosen)) {
				next.add(sleeper);
			}
		}
		return next;
	}

	/** Puts the chosen event to sleep here, so that the next execution takes the next alternative instead. */
	void retireChosen() {
		explored.add(chosen);
		chosen = null;
		guide = null;
	}
}
