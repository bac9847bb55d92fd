package dev.frontrun.internal.engine;

/**
 * A small, fully specified pseudo-random generator (SplitMix64, Steele, Lea and Flood, OOPSLA 2014), so that a seed
 * draws the same numbers on every JDK: the sampling schedulers depend on nothing else for their choices.
 */
final class SplitMix {

	private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

	private long state;

	SplitMix(long seed) {
		this.state = seed;
	}

	/**
	 * The generator of one attempt of a seeded strategy: attempts draw independent streams, and attempt n draws the
	 * same numbers whatever the attempts before it did.
	 *
	 * @param seed the strategy's seed
	 * @param attempt the attempt's number
	 * @return the generator
	 */
	static SplitMix forAttempt(long seed, long attempt) {
		return new SplitMix(mix(mix(seed) + attempt * GOLDEN_GAMMA));
	}

	long nextLong() {
		state += GOLDEN_GAMMA;
		return mix(state);
	}

	/** A number in [0, bound), bound positive, without modulo bias. */
	int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive, got " + bound);
		}
		long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
		long value;
		do {
			value = nextLong() >>> 1;
		} while (value >= limit);
		return (int) (value % bound);
	}

	/** A number in [low, high], inclusive. */
	int between(int low, int high) {
		return low + nextInt(high - low + 1);
	}

	/** A number in [0, 1). */
	double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
