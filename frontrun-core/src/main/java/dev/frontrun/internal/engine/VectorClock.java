package dev.frontrun.internal.engine;

import java.util.Arrays;

/** A vector clock: for each thread, how many of its events are known to have happened. */
final class VectorClock {

	private int[] counts;

	VectorClock() {
		counts = new int[4];
	}

	private VectorClock(int[] counts) {
		this.counts = counts;
	}

	VectorClock copy() {
		return new VectorClock(counts.clone());
	}

	int get(int thread) {
		return thread < counts.length ? counts[thread] : 0;
	}

	void set(int thread, int count) {
		if (thread >= counts.length) {
			counts = Arrays.copyOf(counts, Math.max(thread + 1, counts.length * 2));
		}
		counts[thread] = count;
	}

	void joinWith(VectorClock other) {
		if (other.counts.length > counts.length) {
			counts = Arrays.copyOf(counts, other.counts.length);
		}
		for (int thread = 0; thread < other.counts.length; thread++) {
			counts[thread] = Math.max(counts[thread], other.counts[thread]);
		}
	}
}
