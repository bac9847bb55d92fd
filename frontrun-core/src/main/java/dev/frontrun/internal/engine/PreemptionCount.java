package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the preemptions of schedules that follow a prefix of a finished execution and then go on another way, as a
 * race reversal would. A preemption is a switch away from a thread that could have gone on: one that has an
 * operation left which is not waiting for a lock held by another thread or for an unfinished thread.
 */
final class PreemptionCount {

	private final List<Event> events;
	private final ThreadTable threadsAtEnd;
	private final List<List<Operation>> operationsByThread = new ArrayList<>();

	/** Indexes a finished execution, whose threads tell the operations they had not performed when it ended. */
	PreemptionCount(Execution finished) {
		this.events = finished.events();
		this.threadsAtEnd = finished.threads();
		for (int thread = 0; thread < threadsAtEnd.count(); thread++) {
			operationsByThread.add(new ArrayList<>());
		}
		for (Event event : events) {
			operationsByThread.get(event.thread()).add(event.operation());
		}
	}

	/**
	 * The preemptions of the first events of the execution followed by a sequence.
	 *
	 * @param prefix how many events of the execution come first
	 * @param before how many preemptions those events have
	 * @param sequence what runs after them
	 * @return the preemptions of the whole schedule
	 */
	int of(int prefix, int before, List<Event> sequence) {
		LockTable locks = new LockTable();
		int[] performed = new int[threadsAtEnd.count()];
		for (int index = 0; index < prefix; index++) {
			Event event = events.get(index);
			locks.apply(event.thread(), event.operation());
			performed[event.thread()]++;
		}
		int previous = prefix == 0 ? -1 : events.get(prefix - 1).thread();
		int preemptions = before;
		for (Event event : sequence) {
			if (previous >= 0 && event.thread() != previous && canRun(previous, performed, locks)) {
				preemptions++;
			}
			locks.apply(event.thread(), event.operation());
			performed[event.thread()]++;
			previous = event.thread();
		}
		return preemptions;
	}

	private boolean canRun(int thread, int[] performed, LockTable locks) {
		Operation next = nextOperation(thread, performed[thread]);
		if (next == null) {
			return false;
		}
		return switch (next.kind()) {
			case ACQUIRE -> locks.isAvailableTo(thread, next.resource());
			case ACQUIRE_SHARED -> locks.isAvailableSharedTo(thread, next.resource());
			case JOIN -> {
				int joined = (int) next.resource().id();
				yield threadsAtEnd.isFinished(joined) && performed[joined] == operationsByThread.get(joined).size();
			}
			default -> true;
		};
	}

	private Operation nextOperation(int thread, int performed) {
		List<Operation> operations = operationsByThread.get(thread);
		if (performed < operations.size()) {
			return operations.get(performed);
		}
		return threadsAtEnd.isRunning(thread) ? threadsAtEnd.announced(thread) : null;
	}
}
