package dev.frontrun.bench;

import dev.frontrun.Strategy;

/**
 * Turns a strategy named on the command line into a {@link Strategy} of the frontrun under test: {@code dpor} (or
 * {@code dpor/ORDER}, DPOR with one of its search orders, such as {@code dpor/conflict-first}), {@code random},
 * {@code pct} or {@code pct:DEPTH}, {@code pos}.
 */
public final class Strategies {

	/** PCT's bug depth when none is named: 3 (two priority-change points). */
	public static final int DEFAULT_PCT_DEPTH = 3;

	private Strategies() {
	}

	/**
	 * @param spec such as {@code dpor}, {@code random}, {@code pct:3}, {@code pos}
	 * @param seed the seed of a randomized strategy
	 * @return the strategy
	 */
	public static Strategy strategy(String spec, long seed) {
		String[] parts = spec.split("/")[0].split(":");
		String name = parts[0];
		return switch (name) {
		case "dpor" -> Strategy.dpor();
		case "random" -> Strategy.random(seed);
		case "pos" -> Strategy.pos(seed);
		case "pct" -> Strategy.pct(parts.length > 1 ? Integer.parseInt(parts[1]) : DEFAULT_PCT_DEPTH, seed);
		default -> throw new IllegalArgumentException("unknown strategy " + spec);
		};
	}

	/** @return whether the strategy draws random schedules (and so takes a seed per run) */
	static boolean randomized(String spec) {
		return !spec.startsWith("dpor");
	}
}
