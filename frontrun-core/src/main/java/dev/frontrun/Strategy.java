package dev.frontrun;

import java.util.Locale;

/**
 * How an exploration chooses the interleavings it runs.
 *
 * @since 0.1.0
 */
public final class Strategy {

	private static final Strategy DPOR = new Strategy("dpor");

	private final String name;

	private Strategy(String name) {
		this.name = name;
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
	 * Returns the strategy's name, as result records show it.
	 *
	 * @return such as {@code dpor}
	 */
	public String name() {
		return name;
	}

	@Override
	public String toString() {
		return name.toUpperCase(Locale.ROOT);
	}
}
