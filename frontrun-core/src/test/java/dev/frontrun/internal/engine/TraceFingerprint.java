package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A canonical name for the Mazurkiewicz trace of an execution, computed independently of the engine: the
 * lexicographically least reordering (by thread number) that keeps every pair of dependent steps in order. Two
 * executions get the same fingerprint exactly when they are the same trace. Dependency follows the oracles' rules:
 * steps of one thread, memory accesses of one resource of which one writes, and lock operations on one lock that
 * are not both shared (read-lock) operations.
 */
final class TraceFingerprint {

	private TraceFingerprint() {
	}

	static String of(List<Step> schedule, boolean deadlocked) {
		int size = schedule.size();
		List<List<Integer>> successors = new ArrayList<>();
		int[] waitingFor = new int[size];
		for (int later = 0; later < size; later++) {
			successors.add(new ArrayList<>());
			for (int earlier = 0; earlier < later; earlier++) {
				if (dependent(schedule.get(earlier), schedule.get(later))) {
					successors.get(earlier).add(later);
					waitingFor[later]++;
				}
			}
		}
		PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> Integer.compare(schedule.get(a).thread(),
				schedule.get(b).thread()));
		for (int index = 0; index < size; index++) {
			if (waitingFor[index] == 0) {
				ready.add(index);
			}
		}
		StringBuilder fingerprint = new StringBuilder();
		while (!ready.isEmpty()) {
			int index = ready.poll();
			Step step = schedule.get(index);
			fingerprint.append(step.thread()).append(' ').append(step.operation()).append("; ");
			for (int successor : successors.get(index)) {
				if (--waitingFor[successor] == 0) {
					ready.add(successor);
				}
			}
		}
		return deadlocked ? fingerprint.append("deadlock").toString() : fingerprint.toString();
	}

	private static boolean dependent(Step a, Step b) {
		if (a.thread() == b.thread()) {
			return true;
		}
		Operation x = a.operation();
		Operation y = b.operation();
		if (!x.resource().equals(y.resource())) {
			return false;
		}
		boolean xMemory = x.kind() == AccessKind.READ || x.kind() == AccessKind.WRITE;
		boolean yMemory = y.kind() == AccessKind.READ || y.kind() == AccessKind.WRITE;
		boolean xShared = x.kind() == AccessKind.ACQUIRE_SHARED || x.kind() == AccessKind.RELEASE_SHARED;
		boolean yShared = y.kind() == AccessKind.ACQUIRE_SHARED || y.kind() == AccessKind.RELEASE_SHARED;
		boolean xLock = x.kind() == AccessKind.ACQUIRE || x.kind() == AccessKind.RELEASE || xShared;
		boolean yLock = y.kind() == AccessKind.ACQUIRE || y.kind() == AccessKind.RELEASE || yShared;
		return xMemory && yMemory && (x.kind() == AccessKind.WRITE || y.kind() == AccessKind.WRITE)
				|| xLock && yLock && !(xShared && yShared);
	}
}
