package dev.frontrun;

import java.util.List;

/**
 * The order in which threads pass their markers, for a {@link TraceExecutor}.
 *
 * <pre>{@code
 * Schedule schedule = Schedule.of(
 *     Step.of("thread1", "read_balance"), Step.of("thread2", "read_balance"),
 *     Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance"));
 * }</pre>
 *
 * <p>A marker hit again by the same thread (in a loop, say) is a new step each time, so it appears once per
 * hit in the schedule.
 *
 * @param steps the steps in order, at least one
 * @since 0.1.0
 */
public record Schedule(List<Step> steps) {

	/**
	 * Creates a schedule of the given steps.
	 *
	 * @throws IllegalArgumentException if there are no steps: an empty schedule would force nothing
	 */
	public Schedule {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException(
					"A schedule needs at least one step, such as Schedule.of(Step.of(\"thread1\", \"read_balance\"))");
		}
	}

	/**
	 * Returns the schedule of the given steps, in order.
	 *
	 * @param steps the steps, at least one
	 * @return the schedule
	 */
	public static Schedule of(Step... steps) {
		return new Schedule(List.of(steps));
	}

	/**
	 * Returns the number of steps.
	 *
	 * @return the number of steps, at least one
	 */
	public int size() {
		return steps.size();
	}

	/**
	 * Renders the schedule as the Java code that builds it, for pasting into a test.
	 *
	 * @return {@code Schedule.of(Step.of("thread1", "read_balance"), ...)}
	 */
	public String toJava() {
		StringBuilder java = new StringBuilder("Schedule.of(");
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			java.append(i == 0 ? "" : ", ").append("Step.of(\"").append(step.thread()).append("\", \"")
					.append(step.marker()).append("\")");
		}
		return java.append(')').toString();
	}
}
