package dev.frontrun;

/**
 * What an exploration concluded about its invariant.
 *
 * @since 0.1.0
 */
public enum Verdict {

	/**
	 * The invariant held in every execution frontrun ran, every thread finished, and nothing frontrun could
	 * not see decided the outcome. With {@link ExplorationResult#exhausted()} it is a certificate for all
	 * interleavings; without it, for those explored. For a sampling strategy ({@link Strategy#random(long)},
	 * {@link Strategy#pct(int, long)}, {@link Strategy#pos(long)}) it means that all the sampled interleavings
	 * passed: a pass over a sample, not a proof, and never exhausted.
	 */
	HOLDS,

	/** An execution broke the invariant, threw, or deadlocked; the explanation says how. */
	VIOLATED,

	/**
	 * Nothing can be concluded: a bound or budget cut the search before a violation was found, a thread did not
	 * finish, or a thread blocked where frontrun could not see. The explanation says which.
	 */
	INCONCLUSIVE
}
