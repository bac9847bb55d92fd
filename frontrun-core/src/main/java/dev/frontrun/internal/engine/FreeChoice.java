package dev.frontrun.internal.engine;

import java.util.Arrays;
import java.util.function.IntFunction;

/** Picks a thread at a free scheduling point, following a {@link SearchOrder}. */
final class FreeChoice {

	private final SearchOrder order;
	private long turn;

	FreeChoice(SearchOrder order) {
		this.order = order;
	}

	/**
	 * Picks one of the candidates.
	 *
	 * @param candidates the threads that may run, in increasing order, at least one
	 * @param previous the thread that ran last, or -1
	 * @param running every running thread, in increasing order
	 * @param announced the operation each running thread announced
	 * @return the thread to run
	 */
	int choose(int[] candidates, int previous, int[] running, IntFunction<Operation> announced) {
		long counter = turn++;
		long seed = order.seed();
		int count = candidates.length;
		return switch (order.kind()) {
			case DFS -> continuing(candidates, previous);
			case ROUND_ROBIN -> candidates[(int) Math.floorMod(counter + seed, (long) count)];
			case STRIDE -> candidates[(int) Math.floorMod(seed + counter * stride(seed, count), (long) count)];
			case BIT_REVERSAL -> candidates[bitReversalIndex(counter + seed, count)];
			case CONFLICT_FIRST -> {
				int[] conflicting = Arrays.stream(candidates)
						.filter(thread -> conflictsWithAnother(thread, running, announced))
						.toArray();
				yield conflicting.length == 0
						? continuing(candidates, previous)
						: conflicting[(int) Math.floorMod(counter + seed, (long) conflicting.length)];
			}
		};
	}

	private static int continuing(int[] candidates, int previous) {
		return Arrays.binarySearch(candidates, previous) >= 0 ? previous : candidates[0];
	}

	/** The smallest stride of at least 1 + (seed mod count) that is coprime with count. */
	private static long stride(long seed, int count) {
		long stride = 1 + Math.floorMod(seed, (long) count);
		while (gcd(stride, count) != 1) {
			stride++;
		}
		return stride;
	}

	private static long gcd(long a, long b) {
		return b == 0 ? a : gcd(b, a % b);
	}

	/** Scales the van der Corput number of n (its bits mirrored after the binary point) to an index below count. */
	private static int bitReversalIndex(long n, int count) {
		long fraction = Integer.reverse((int) n) >>> 1;
		return (int) ((fraction * count) >>> 31);
	}

	private static boolean conflictsWithAnother(int thread, int[] running, IntFunction<Operation> announced) {
		Operation operation = announced.apply(thread);
		for (int other : running) {
			if (other != thread && operation.conflictsWith(announced.apply(other))) {
				return true;
			}
		}
		return false;
	}
}
