package dev.frontrun;

import dev.frontrun.internal.report.TestRunLog;
import dev.frontrun.internal.runtime.AgentRequirement;
import dev.frontrun.internal.runtime.AgentRuntime;
import dev.frontrun.internal.trace.MarkerScheduler;
import java.time.Duration;

/**
 * Runs threads so that they pass their trace markers in the order a {@link Schedule} gives.
 *
 * <pre>{@code
 * TraceExecutor executor = new TraceExecutor(schedule);
 * executor.run("thread1", () -> account.transfer(50));
 * executor.run("thread2", () -> account.transfer(50));
 * executor.await(Duration.ofSeconds(5));
 * }</pre>
 *
 * <h2>How the threads run</h2>
 * <p>Threads start when {@link #await(Duration)} is called. One thread runs at a time: first each thread, in the
 * order of {@code run} calls, up to its first marker; then, for each step, the thread the step names passes the
 * marker and runs on up to its next marker or its end. A thread waiting at a marker that is not the next step's
 * waits. Once the last step is taken, every thread runs freely. So the same schedule gives the same
 * interleaving every time.
 *
 * <h2>Errors</h2>
 * <p>{@code await} throws a {@link ScheduleException}, within its timeout, when the schedule cannot be followed,
 * and a {@link ThreadFailedException} when a thread throws. Threads left waiting after an error are released
 * and stopped at their next marker.
 *
 * <p>An executor runs once. It needs the frontrun agent ({@code mvn frontrun:test}); without it, the
 * constructor aborts the calling test, which JUnit reports as skipped.
 *
 * @since 0.1.0
 */
public final class TraceExecutor {

	/** The approach name used in frontrun's result records. */
	private static final String APPROACH = "trace-markers";

	private final MarkerScheduler scheduler;

	/**
	 * Creates an executor for a schedule.
	 *
	 * @param schedule the order in which threads pass their markers
	 */
	public TraceExecutor(Schedule schedule) {
		AgentRequirement.require("TraceExecutor");
		this.scheduler = new MarkerScheduler(schedule.steps(), AgentRuntime.markers());
	}

	/**
	 * Adds a thread. It starts when {@link #await(Duration)} is called.
	 *
	 * @param name the thread's name, as the schedule's steps give it; unique in this executor
	 * @param body what the thread runs
	 * @throws IllegalArgumentException if another thread already has this name
	 * @throws IllegalStateException if {@code await} was already called
	 */
	public void run(String name, Runnable body) {
		scheduler.add(name, body);
	}

	/**
	 * Runs the threads and waits until they have all finished.
	 *
	 * @param timeout how long to wait in all
	 * @throws ScheduleException if the schedule cannot be followed or the threads do not finish in time
	 * @throws ThreadFailedException if a thread throws
	 */
	public void await(Duration timeout) {
		try {
			scheduler.await(timeout);
			TestRunLog.record(APPROACH, null, null);
		} catch (ScheduleException e) {
			TestRunLog.record(APPROACH, "INCONCLUSIVE", e.getMessage());
			throw e;
		} catch (ThreadFailedException e) {
			TestRunLog.record(APPROACH, null, e.getMessage());
			throw e;
		}
	}
}
