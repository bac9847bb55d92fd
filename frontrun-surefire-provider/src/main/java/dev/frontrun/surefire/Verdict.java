package dev.frontrun.surefire;

import java.util.Locale;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;

/**
 * What a frontrun test says about the property it checks.
 */
enum Verdict {

	/** The property held in every explored execution. */
	HOLDS,

	/** An execution violated the property. */
	VIOLATED,

	/** The run neither confirmed nor refuted the property (an error, an abort, a skip or a budget ran out). */
	INCONCLUSIVE;

	/**
	 * Parses the value of a {@code frontrun.verdict} report entry.
	 *
	 * @param value the entry's value, possibly {@code null}
	 * @return the verdict, or empty if the value names none
	 */
	static Optional<Verdict> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
		} catch (IllegalArgumentException notAVerdict) {
			return Optional.empty();
		}
	}

	/**
	 * Derives a verdict from a test's outcome, for tests that did not publish one: a successful test holds, a
	 * test that failed an assertion is violated, anything else is inconclusive.
	 *
	 * @param result the test's execution result
	 * @return the derived verdict
	 */
	static Verdict derive(TestExecutionResult result) {
		switch (result.getStatus()) {
		case SUCCESSFUL:
			return HOLDS;
		case FAILED:
			return result.getThrowable().filter(AssertionError.class::isInstance).isPresent() ? VIOLATED
					: INCONCLUSIVE;
		default:
			return INCONCLUSIVE;
		}
	}
}
