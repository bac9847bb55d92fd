package dev.frontrun;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How an exploration chooses the interleavings it runs.
 *
 * <p><b>Systematic:</b> {@link #dpor()}, the default, runs one execution for each class of equivalent interleavings
 * and, when nothing cuts it short, proves the invariant for all of them.
 *
 * <p><b>Sampling:</b> {@link #random(long)}, {@link #pct(int, long)} and {@link #pos(long)} run
 * {@link Exploration#maxAttempts(int)} schedules drawn at random from a seed. They prove nothing (a pass means no
 * sampled schedule failed), but they need no model of what conflicts with what: every scheduling point the agent sees
 * can be a switch, calls from instrumented code into code frontrun does not instrument included. So they find races
 * through state that frontrun cannot see, such as two objects of a library class sharing a static cache: DPOR sees
 * calls on two different objects, judges them independent, and runs one order; a sampling strategy runs the calls in
 * other orders and hits the failing one. This is the JVM counterpart of races inside C extensions, which frontrun's
 * Python original finds the same way. The same seed and the same code give the same executions, and the same
 * explanation, byte for byte.
 *
 * @since 0.1.0
 */
public final class Strategy {

	private enum Kind {
		DPOR, RANDOM, PCT, POS
	}

	private static final Strategy DPOR = new Strategy(Kind.DPOR, 0, 0);

	private final Kind kind;
	private final long seed;
	private final int depth;

	private Strategy(Kind kind, long seed, int depth) {
		this.kind = kind;
		this.seed = seed;
		this.depth = depth;
	}

	/**
	 * Systematic exploration with optimal dynamic partial-order reduction: one execution for each class of
	 * equivalent interleavings (two interleavings are equivalent when they differ only in the order of
	 * independent operations), and an explanation of the conflicting accesses when the invariant breaks.
	 *
	 * @return the DPOR strategy, the default
	 */
	public static Strategy dpor() {
		return DPOR;
	}

	/**
	 * Random schedules shaped as bursts, as in frontrun's Python original: each schedule is a sequence of rounds, a
	 * round is a random permutation of the threads, and each thread in it runs a burst of 1 to 8 scheduling points
	 * (now and then up to 32) before the next one takes over.
	 *
	 * @param seed the seed; the same seed gives the same schedules
	 * @return the random strategy
	 */
	public static Strategy random(long seed) {
		return new Strategy(Kind.RANDOM, seed, 0);
	}

	/**
	 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi and Nagarakatte, ASPLOS 2010): random
	 * priorities for the threads, the highest-priority thread that can run runs, and at {@code depth - 1} random
	 * points the running thread drops to the lowest priority. With n threads and k scheduling points per execution,
	 * each execution finds a bug of depth d with probability at least 1/(n·k^(d−1)). The depth of a bug is the number
	 * of ordering constraints it needs: a lost update on a counter has depth 2 (one thread reads between the other's
	 * read and write), an ordering bug depth 1. k is estimated from the longest execution so far.
	 *
	 * @param depth the depth of the bugs aimed at, at least 1; 2 or 3 suit most races
	 * @param seed the seed; the same seed gives the same schedules
	 * @return the PCT strategy
	 * @throws IllegalArgumentException if the depth is below 1
	 */
	public static Strategy pct(int depth, long seed) {
		if (depth < 1) {
			throw new IllegalArgumentException("PCT's depth must be at least 1 (the number of ordering constraints "
					+ "of the bugs it aims at), got " + depth);
		}
		return new Strategy(Kind.PCT, seed, depth);
	}

	/**
	 * Partial order sampling (Yuan, Yang and Gu, CAV 2018), the default scheduler of Fray: the next operation of each
	 * thread gets a random priority, the highest runs, and the operations that conflict with the one that ran draw
	 * new priorities. It samples the orders of conflicting operations more evenly than plain random walks do.
	 *
	 * @param seed the seed; the same seed gives the same schedules
	 * @return the POS strategy
	 */
	public static Strategy pos(long seed) {
		return new Strategy(Kind.POS, seed, 0);
	}

	/**
	 * Returns the strategy's name, as result records show it.
	 *
	 * @return {@code dpor}, {@code random}, {@code pct} or {@code pos}
	 */
	public String name() {
		return kind.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Tells whether the strategy samples schedules at random rather than covering them systematically.
	 *
	 * @return {@code true} for random, PCT and POS
	 */
	public boolean isSampling() {
		return kind != Kind.DPOR;
	}

	/**
	 * Returns the seed of a sampling strategy.
	 *
	 * @return the seed, or empty for DPOR
	 */
	public OptionalLong seed() {
		return isSampling() ? OptionalLong.of(seed) : OptionalLong.empty();
	}

	/**
	 * Returns the depth of the PCT strategy.
	 *
	 * @return the depth, or empty for other strategies
	 */
	public OptionalInt depth() {
		return kind == Kind.PCT ? OptionalInt.of(depth) : OptionalInt.empty();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Strategy that && kind == that.kind && seed == that.seed && depth == that.depth;
	}

	@Override
	public int hashCode() {
		return (kind.hashCode() * 31 + Long.hashCode(seed)) * 31 + depth;
	}

	/**
	 * Names the strategy with its parameters, as explanations do.
	 *
	 * @return such as {@code DPOR}, {@code RANDOM(seed 42)} or {@code PCT(depth 3, seed 42)}
	 */
	@Override
	public String toString() {
		String upper = kind.name();
		return switch (kind) {
		case DPOR -> upper;
		case PCT -> upper + "(depth " + depth + ", seed " + seed + ")";
		default -> upper + "(seed " + seed + ")";
		};
	}
}
