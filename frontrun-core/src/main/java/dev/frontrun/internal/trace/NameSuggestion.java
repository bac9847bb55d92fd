package dev.frontrun.internal.trace;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds the known name closest to a mistyped one, for "did you mean" hints.
 */
final class NameSuggestion {

	private static final int MAX_DISTANCE = 2;

	private NameSuggestion() {
	}

	/**
	 * Returns the candidate nearest to {@code name}, if one is within two edits and is not {@code name} itself.
	 *
	 * @param name the name given
	 * @param candidates the names that exist
	 * @return the suggestion, if any
	 */
	static Optional<String> closest(String name, Collection<String> candidates) {
		String best = null;
		int bestDistance = MAX_DISTANCE + 1;
		for (String candidate : candidates) {
			int distance = distance(name, candidate);
			if (distance > 0 && distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return Optional.ofNullable(best);
	}

	/** Levenshtein distance, with two rows. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
