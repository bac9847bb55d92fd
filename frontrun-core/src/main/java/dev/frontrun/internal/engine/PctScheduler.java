package dev.frontrun.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi and Nagarakatte, ASPLOS 2010): every thread gets
 * a random priority, distinct from the others; at each step the enabled thread with the highest priority runs; and at
 * {@code depth - 1} change points, drawn at random among the first k steps, the thread about to run drops below every
 * thread that has not dropped yet (the i-th change point gives it priority i, under the initial priorities, which are
 * all at least {@code depth}). For a program of n threads and k steps, one execution finds a bug of depth d (one that
 * needs d ordering constraints to show) with probability at least 1/(n·k^(d−1)).
 *
 * <p>k is not known before the program runs: it is the longest execution seen so far, and the first execution, with
 * no estimate, runs with priorities only. A thread started during the execution gets a random place among the threads
 * that have not dropped.
 */
final class PctScheduler extends SamplingScheduler {

	private final SplitMix random;
	/** Threads by priority, highest first; the last {@code dropped.size()} have passed a change point. */
	private final List<Integer> byPriority = new ArrayList<>();
	private final Set<Integer> dropped = new HashSet<>();
	private final Set<Integer> changePoints = new HashSet<>();

	/**
	 * @param number the execution's number
	 * @param maxSteps the most steps it may take
	 * @param random its random numbers
	 * @param depth the bug depth aimed at, at least 1: {@code depth - 1} change points
	 * @param estimatedSteps k, the estimated number of steps; 0 when unknown
	 */
	PctScheduler(long number, int maxSteps, SplitMix random, int depth, int estimatedSteps) {
		super(number, maxSteps);
		this.random = random;
		List<Integer> candidates = new ArrayList<>();
		for (int step = 0; step < estimatedSteps; step++) {
			candidates.add(step);
		}
		for (int i = 0; i < depth - 1 && !candidates.isEmpty(); i++) {
			changePoints.add(candidates.remove(random.nextInt(candidates.size())));
		}
	}

	@Override
	void appeared(int thread) {
		byPriority.add(random.nextInt(byPriority.size() - dropped.size() + 1), thread);
	}

	@Override
	int choose(int[] enabled, int[] running) {
		int chosen = highest(enabled);
		if (changePoints.contains(steps())) {
			byPriority.remove(Integer.valueOf(chosen));
			dropped.remove(chosen);
			byPriority.add(byPriority.size() - dropped.size(), chosen);
			dropped.add(chosen);
			chosen = highest(enabled);
		}
		return chosen;
	}

	private int highest(int[] enabled) {
		for (int thread : byPriority) {
			if (Arrays.binarySearch(enabled, thread) >= 0) {
				return thread;
			}
		}
		throw new IllegalStateException("No enabled thread has a priority: " + Arrays.toString(enabled));
	}
}
