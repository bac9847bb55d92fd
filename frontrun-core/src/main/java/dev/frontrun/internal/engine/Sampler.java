package dev.frontrun.internal.engine;

/**
 * Makes the scheduler of each attempt of a sampling strategy: random bursts, PCT or POS. The same seed gives the
 * same schedulers in the same order, so the same program gives the same executions: attempt n draws its random
 * numbers from a stream of its own, derived from the seed and n alone.
 */
public final class Sampler {

	private enum Kind {
		RANDOM, PCT, POS
	}

	private final Kind kind;
	private final long seed;
	private final int depth;
	private final int maxSteps;
	private long attempts;
	private int longest;
	private SamplingScheduler last;

	private Sampler(Kind kind, long seed, int depth, int maxSteps) {
		if (maxSteps < 1) {
			throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
		}
		this.kind = kind;
		this.seed = seed;
		this.depth = depth;
		this.maxSteps = maxSteps;
	}

	/**
	 * Random burst-shaped schedules.
	 *
	 * @param seed the seed
	 * @param maxSteps the most steps an execution may take
	 * @return the sampler
	 */
	public static Sampler random(long seed, int maxSteps) {
		return new Sampler(Kind.RANDOM, seed, 0, maxSteps);
	}

	/**
	 * Probabilistic concurrency testing.
	 *
	 * @param depth the bug depth aimed at, at least 1
	 * @param seed the seed
	 * @param maxSteps the most steps an execution may take
	 * @return the sampler
	 */
	public static Sampler pct(int depth, long seed, int maxSteps) {
		if (depth < 1) {
			throw new IllegalArgumentException("PCT's depth must be at least 1, got " + depth);
		}
		return new Sampler(Kind.PCT, seed, depth, maxSteps);
	}

	/**
	 * Partial order sampling.
	 *
	 * @param seed the seed
	 * @param maxSteps the most steps an execution may take
	 * @return the sampler
	 */
	public static Sampler pos(long seed, int maxSteps) {
		return new Sampler(Kind.POS, seed, 0, maxSteps);
	}

	/**
	 * Makes the scheduler of the next attempt. The previous attempt's execution must have ended.
	 *
	 * @return the scheduler
	 */
	public SamplingScheduler next() {
		if (last != null) {
			longest = Math.max(longest, last.steps());
		}
		long attempt = attempts++;
		SplitMix random = SplitMix.forAttempt(seed, attempt);
		last = switch (kind) {
			case RANDOM -> new BurstScheduler(attempt, maxSteps, random);
			case PCT -> new PctScheduler(attempt, maxSteps, random, depth, longest);
			case POS -> new PosScheduler(attempt, maxSteps, random);
		};
		return last;
	}

	/**
	 * How many schedulers were made.
	 *
	 * @return the number of attempts so far
	 */
	public long attempts() {
		return attempts;
	}
}
