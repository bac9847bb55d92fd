package dev.frontrun;

import java.util.Objects;

/**
 * One step of a {@link Schedule}: the thread named {@code thread} passes the marker named {@code marker}.
 *
 * <p>A marker is a {@code // frontrun: name} comment in the source, or a call to {@link Frontrun#marker(String)}.
 * The thread names are the names given to {@link TraceExecutor#run(String, Runnable)}.
 *
 * @param thread the name of the thread that takes this step, never blank
 * @param marker the name of the marker the thread passes, never blank
 * @since 0.1.0
 */
public record Step(String thread, String marker) {

	/**
	 * Creates a step, checking that both names are given.
	 *
	 * @throws IllegalArgumentException if a name is {@code null} or blank
	 */
	public Step {
		requireName(thread, "thread");
		requireName(marker, "marker");
	}

	/**
	 * Returns the step in which {@code thread} passes {@code marker}.
	 *
	 * @param thread the thread's name, as given to {@link TraceExecutor#run(String, Runnable)}
	 * @param marker the marker's name, as written after {@code // frontrun:}
	 * @return the step
	 */
	public static Step of(String thread, String marker) {
		return new Step(thread, marker);
	}

	private static void requireName(String value, String what) {
		if (Objects.requireNonNull(value, () -> "A step needs a " + what + " name, got null").isBlank()) {
			throw new IllegalArgumentException("A step needs a " + what + " name, got a blank one");
		}
	}

	@Override
	public String toString() {
		return "(" + thread + ", " + marker + ")";
	}
}
