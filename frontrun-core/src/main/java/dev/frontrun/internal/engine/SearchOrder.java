package dev.frontrun.internal.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the engine picks a thread at a free scheduling point: one where no race reversal dictates the next thread.
 * The first execution is made only of free choices, and every later one ends with them once its wakeup sequence has
 * run, so the order decides which interleavings come first. Alternatives found by race reversal are always taken in
 * the order they were found (the order the optimality of wakeup trees depends on), so every search order explores
 * exactly one execution per trace and the count of executions never depends on the order.
 *
 * @param kind which order
 * @param seed varies the seedable orders; always 0 for {@link Kind#DFS}
 */
public record SearchOrder(Kind kind, long seed) {

	/** The orders. */
	public enum Kind {

		/** Keep running the thread that ran last if it can, otherwise the lowest-numbered thread: fewest preemptions. */
		DFS("dfs"),

		/** Spread choices with the van der Corput (bit-reversal) sequence of the choice counter plus the seed. */
		BIT_REVERSAL("bit-reversal"),

		/** Take the candidates in turn, starting at the seed. */
		ROUND_ROBIN("round-robin"),

		/** Step through the candidates by a stride, derived from the seed, that is coprime with their number. */
		STRIDE("stride"),

		/** Prefer threads whose announced operation conflicts with another thread's, in turn from the seed. */
		CONFLICT_FIRST("conflict-first");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/**
		 * The name used in {@link SearchOrder#parse(String)}.
		 *
		 * @return the name, for example {@code "round-robin"}
		 */
		public String label() {
			return label;
		}
	}

	/**
	 * Checks the components.
	 *
	 * @param kind which order
	 * @param seed varies the seedable orders
	 */
	public SearchOrder {
		Objects.requireNonNull(kind, "kind");
		if (kind == Kind.DFS && seed != 0) {
			throw new IllegalArgumentException("The dfs search order takes no seed, got " + seed);
		}
	}

	/**
	 * The default order.
	 *
	 * @return depth-first, the order of the paper
	 */
	public static SearchOrder dfs() {
		return new SearchOrder(Kind.DFS, 0);
	}

	/**
	 * Reads an order written as {@code name} or {@code name:seed}, for example {@code "stride:7"}.
	 *
	 * @param text the order
	 * @return the order
	 * @throws IllegalArgumentException if the name is unknown or the seed is not a number
	 */
	public static SearchOrder parse(String text) {
		String trimmed = text.trim();
		int colon = trimmed.indexOf(':');
		String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT);
		Kind kind = Arrays.stream(Kind.values())
				.filter(candidate -> candidate.label.equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown search order '" + text + "': use one of "
						+ Arrays.stream(Kind.values()).map(Kind::label).collect(Collectors.joining(", "))
						+ ", optionally followed by :seed"));
		if (colon < 0) {
			return new SearchOrder(kind, 0);
		}
		try {
			return new SearchOrder(kind, Long.parseLong(trimmed.substring(colon + 1).trim()));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("The seed in search order '" + text + "' is not a whole number", e);
		}
	}

	@Override
	public String toString() {
		return kind == Kind.DFS ? kind.label : kind.label + ":" + seed;
	}
}
