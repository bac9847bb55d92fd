package dev.frontrun.internal.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Partial order sampling (Yuan, Yang and Gu, CAV 2018), the default scheduler of Fray: each thread's next operation
 * gets a random priority, and the enabled operation with the highest priority runs. Once it has run, the operations
 * of other threads that conflict with it (the same resource, and one of them writes; or both lock it) draw new
 * priorities, as does the next operation of the thread that ran. Redrawing for conflicting operations is what makes
 * every partial order of the conflicting operations about equally likely, where a plain random walk favours some.
 */
final class PosScheduler extends SamplingScheduler {

	private final SplitMix random;
	private final Map<Integer, Double> priorities = new HashMap<>();

	PosScheduler(long number, int maxSteps, SplitMix random) {
		super(number, maxSteps);
		this.random = random;
	}

	@Override
	int choose(int[] enabled, int[] running) {
		int chosen = -1;
		double best = -1;
		for (int thread : enabled) {
			double priority = priorities.computeIfAbsent(thread, t -> random.nextDouble());
			if (priority > best) {
				best = priority;
				chosen = thread;
			}
		}
		Operation operation = announced(chosen);
		for (int thread : enabled) {
			if (thread != chosen && operation.conflictsWith(announced(thread))) {
				priorities.remove(thread);
			}
		}
		priorities.remove(chosen);
		return chosen;
	}
}
