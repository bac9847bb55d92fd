package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One scheduling point on the path of the current execution, and what the search knows about it: the threads
 * asleep there (whose next events are known to lead only to explored traces), the alternatives still to explore
 * there, and the event chosen there now.
 */
final class Position {

	/**
	 * The sleep set here: the threads asleep on arrival, inherited from the previous point, and then those explored
	 * here in the order they were, each with the event it would perform here.
	 */
	private final List<Event> sleeping;

	/** The alternatives still to explore here. */
	final WakeupTree alternatives;

	/** How many preemptions the schedule had before this point. */
	final int preemptionsBefore;

	/** The event chosen here: performed in the current execution, or to be replayed in the next one. */
	Event chosen;

	/** The wakeup-tree node the chosen event came from, if it came from one; its subtree guides what follows. */
	WakeupTree.Node guide;

	/**
	 * Creates a point the search has just reached.
	 *
	 * @param sleepOnArrival the threads asleep on arrival, with their next events: a list the position takes over
	 *        and adds to
	 * @param alternatives the alternatives to explore here
	 * @param preemptionsBefore how many preemptions the schedule had before this point
	 */
	Position(List<Event> sleepOnArrival, WakeupTree alternatives, int preemptionsBefore) {
		this.sleeping = sleepOnArrival;
		this.alternatives = alternatives;
		this.preemptionsBefore = preemptionsBefore;
	}

	/** The sleep set here: the threads asleep on arrival and those explored here, with their next events. */
	List<Event> sleeping() {
		return sleeping;
	}

	boolean isAsleep(int thread) {
		for (int index = 0; index < sleeping.size(); index++) {
			if (sleeping.get(index).thread() == thread) {
				return true;
			}
		}
		return false;
	}

	/** The sleep set on arrival at the next point: the sleepers here that the chosen event does not wake. */
	List<Event> sleepAfterChosen() {
		List<Event> next = new ArrayList<>(sleeping.size());
		for (int index = 0; index < sleeping.size(); index++) {
			Event sleeper = sleeping.get(index);
			if (!sleeper.dependsOn(chosen)) {
				next.add(sleeper);
			}
		}
		return next;
	}

	/** Puts the chosen event to sleep here, so that the next execution takes the next alternative instead. */
	void retireChosen() {
		sleeping.add(chosen);
		chosen = null;
		guide = null;
	}
}
