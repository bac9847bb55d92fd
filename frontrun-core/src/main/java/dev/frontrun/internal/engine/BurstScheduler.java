package dev.frontrun.internal.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The random strategy's scheduler, with the burst-shaped schedules of frontrun's Python original: the schedule is a
 * sequence of rounds; a round is a random permutation of the running threads, and each thread in it runs a burst of
 * 1 to 8 steps, or, with probability 0.15, of 1 to 32. A thread that cannot run, or that blocks during its burst,
 * gives up the rest of it. Rounds follow each other until the execution ends.
 *
 * <p>Every scheduling point can be a switch, calls into code frontrun does not instrument included, which is how a
 * random schedule can reorder accesses to state that frontrun cannot see.
 */
final class BurstScheduler extends SamplingScheduler {

	/** Bursts are 1 to this many steps long... */
	static final int SHORT_BURST = 8;
	/** ...or, with probability {@link #LONG_BURST_PROBABILITY}, 1 to this many. */
	static final int LONG_BURST = 32;
	static final double LONG_BURST_PROBABILITY = 0.15;

	private final SplitMix random;
	private final Deque<Integer> round = new ArrayDeque<>();
	private int current = -1;
	private int burstLeft;

	BurstScheduler(long number, int maxSteps, SplitMix random) {
		super(number, maxSteps);
		this.random = random;
	}

	@Override
	int choose(int[] enabled, int[] running) {
		while (true) {
			if (burstLeft > 0 && Arrays.binarySearch(enabled, current) >= 0) {
				burstLeft--;
				return current;
			}
			if (round.isEmpty()) {
				shuffleInto(round, running);
			}
			current = round.removeFirst();
			burstLeft = burst();
		}
	}

	private int burst() {
		return random.nextDouble() < LONG_BURST_PROBABILITY ? random.between(1, LONG_BURST)
				: random.between(1, SHORT_BURST);
	}

	private void shuffleInto(Deque<Integer> target, int[] threads) {
		int[] order = threads.clone();
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		for (int thread : order) {
			target.addLast(thread);
		}
	}
}
