package dev.frontrun.surefire;

import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link FrontrunTestExecutionListener} puts the results it collects, and where
 * {@link FrontrunProvider} takes them from.
 *
 * <p>The launcher creates its listeners through {@link java.util.ServiceLoader}, so the provider cannot hand
 * them an object: they meet in {@link #shared()}. The provider and the listener are loaded by the same class
 * loader in a Surefire fork (Surefire merges the test and provider class paths), so they see the same instance.
 * Collecting is off until {@link #activate()}, so the listener does nothing when the provider jar happens to be
 * on a class path without the provider running.
 */
final class FrontrunResults {

	private static final FrontrunResults SHARED = new FrontrunResults();

	private final List<FrontrunTestResult> results = new ArrayList<>();

	private volatile boolean active;

	/**
	 * Creates an inactive, empty collector; tests use their own, the provider and the listener use
	 * {@link #shared()}.
	 */
	FrontrunResults() {
	}

	/**
	 * Returns the collector shared by the provider and the listeners in this class loader.
	 *
	 * @return the shared collector
	 */
	static FrontrunResults shared() {
		return SHARED;
	}

	/** Starts collecting. */
	void activate() {
		active = true;
	}

	/**
	 * Tells whether results are being collected.
	 *
	 * @return {@code true} after {@link #activate()}
	 */
	boolean isActive() {
		return active;
	}

	/**
	 * Adds a result if collecting is active.
	 *
	 * @param result the result of one test
	 */
	synchronized void add(FrontrunTestResult result) {
		if (active) {
			results.add(result);
		}
	}

	/**
	 * Removes and returns the results collected so far, in the order the tests finished.
	 *
	 * @return the results
	 */
	synchronized List<FrontrunTestResult> drain() {
		List<FrontrunTestResult> drained = List.copyOf(results);
		results.clear();
		return drained;
	}
}
