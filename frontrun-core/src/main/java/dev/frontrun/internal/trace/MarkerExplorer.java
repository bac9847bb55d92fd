package dev.frontrun.internal.trace;

import dev.frontrun.ExplorationResult;
import dev.frontrun.ExplorationResult.Failure;
import dev.frontrun.Schedule;
import dev.frontrun.ScheduleException;
import dev.frontrun.Step;
import dev.frontrun.ThreadFailedException;
import dev.frontrun.Verdict;
import dev.frontrun.internal.report.TestRunLog;
import dev.frontrun.internal.runtime.AgentRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs every order-preserving merge of some threads' marker sequences, each under a {@link MarkerScheduler} on a
 * fresh state, and judges the invariant after each.
 *
 * <p>What each execution can end in:
 * <ul>
 * <li>every thread finished: the invariant is checked; {@code false} or a throw is a violation;
 * <li>a thread threw: a violation, with the thread's name and stack;
 * <li>the running thread blocked on a lock held by a thread waiting at a marker: the schedule asks for an order the
 * locks forbid, which no real run can take; it is counted as infeasible and named in the explanation;
 * <li>the timeout ran out: the search stops, inconclusive, with where each thread was;
 * <li>any other schedule error (a marker that is never reached, or reached out of the order given): the markers
 * given for a thread are wrong, and {@link #run} throws a {@link ScheduleException} that says so.
 * </ul>
 */
public final class MarkerExplorer {

	/** The approach name used in frontrun's result records. */
	public static final String APPROACH = "marker-exploration";

	/**
	 * One thread of a marker exploration.
	 *
	 * @param <S> the type of the shared state
	 * @param name the thread's name, as schedules give it
	 * @param body what the thread does with the state
	 * @param markers the markers the thread passes, in order
	 */
	public record ThreadSpec<S>(String name, Consumer<? super S> body, List<String> markers) {

		/**
		 * Creates a thread spec.
		 */
		public ThreadSpec {
			markers = List.copyOf(markers);
		}
	}

	/**
	 * What to explore.
	 *
	 * @param <S> the type of the shared state
	 * @param setup makes a fresh state for each execution
	 * @param threads the threads, by index
	 * @param invariant what must hold of the final state
	 * @param stopOnFirst whether to stop at the first violation
	 * @param timeoutPerExecution how long one execution may take
	 * @param maxExecutions how many schedules may run at most
	 */
	public record Spec<S>(Supplier<? extends S> setup, List<ThreadSpec<S>> threads, Predicate<? super S> invariant,
			boolean stopOnFirst, Duration timeoutPerExecution, long maxExecutions) {

		/**
		 * Creates a spec.
		 */
		public Spec {
			threads = List.copyOf(threads);
		}

		/**
		 * Returns the schedules this spec explores, in order.
		 *
		 * @return the merges of the threads' markers
		 */
		public MarkerSchedules schedules() {
			List<String> names = new ArrayList<>();
			List<List<String>> markers = new ArrayList<>();
			for (ThreadSpec<S> thread : threads) {
				names.add(thread.name());
				markers.add(thread.markers());
			}
			return new MarkerSchedules(names, markers);
		}
	}

	private MarkerExplorer() {
	}

	/**
	 * Runs a marker exploration and records it in the test's log.
	 *
	 * @param <S> the type of the shared state
	 * @param spec what to explore
	 * @return the result
	 * @throws ScheduleException if a schedule cannot be followed because a thread's markers are not the ones it
	 *         passes
	 * @throws IllegalStateException if the setup throws
	 */
	public static <S> ExplorationResult run(Spec<S> spec) {
		MarkerSchedules schedules = spec.schedules();
		BigInteger total = schedules.count();
		Iterator<List<Integer>> merges = schedules.iterator();
		List<Failure> failures = new ArrayList<>();
		String firstExplanation = null;
		long executions = 0;
		long infeasible = 0;
		String firstInfeasible = null;
		String cutShort = null;
		String cutDetail = "";
		while (merges.hasNext()) {
			if (executions >= spec.maxExecutions()) {
				cutShort = "maxExecutions " + spec.maxExecutions() + " cut the search";
				break;
			}
			List<Integer> threads = merges.next();
			executions++;
			Schedule schedule = schedules.schedule(threads);
			String label = "marker schedule " + executions + " of " + total;
			S state = setUp(spec, executions);
			MarkerScheduler scheduler = new MarkerScheduler(schedule.steps(), AgentRuntime.markers());
			for (ThreadSpec<S> thread : spec.threads()) {
				scheduler.add(thread.name(), () -> thread.body().accept(state));
			}
			String violation;
			try {
				scheduler.await(spec.timeoutPerExecution());
				String failed = checkInvariant(spec, state);
				violation = failed == null ? null
						: "Race condition found after " + executions + " of " + total + " marker schedules.\n\n"
								+ listing(label, schedule) + "\n\n  Invariant: " + failed + "\n\n" + reproduce(schedule);
			} catch (ThreadFailedException e) {
				violation = "Thread " + e.threadName() + " threw in " + label + ": " + stack(e.getCause()) + "\n\n"
						+ listing(label, schedule) + "\n\n" + reproduce(schedule);
			} catch (ScheduleException e) {
				if (scheduler.stuckOnLock()) {
					infeasible++;
					if (firstInfeasible == null) {
						firstInfeasible = label + ":" + steps(schedule) + "\n\n    " + indent(e.getMessage());
					}
					continue;
				}
				if (scheduler.timedOut()) {
					cutShort = label + " did not finish within " + spec.timeoutPerExecution().toMillis() + " ms";
					cutDetail = "\n\n" + listing(label, schedule) + "\n\n    " + indent(e.getMessage());
					break;
				}
				ScheduleException error = new ScheduleException("Marker exploration cannot follow " + label + ", "
						+ schedule.toJava() + ": " + e.getMessage() + "\nThe markers given with .thread(name, body, "
						+ "markers...) must be the markers that thread passes, in the order it passes them, in every "
						+ "interleaving.");
				TestRunLog.record(APPROACH, Verdict.INCONCLUSIVE.name(), error.getMessage(), executions);
				throw error;
			}
			if (violation != null) {
				failures.add(new Failure(executions, threads, violation));
				if (firstExplanation == null) {
					firstExplanation = violation;
				}
				if (spec.stopOnFirst()) {
					break;
				}
			}
		}
		boolean exhausted = cutShort == null && !merges.hasNext();
		String infeasibleNote = infeasible == 0 ? ""
				: "\n\n  " + infeasible + (infeasible == 1 ? " marker schedule" : " marker schedules")
						+ " could not run: a thread blocked on a lock held by a thread waiting at a marker, so no "
						+ "real run takes that order. The first was " + firstInfeasible;
		ExplorationResult result;
		if (!failures.isEmpty()) {
			String found = spec.stopOnFirst() ? ""
					: "\n\n  " + failures.size() + (exhausted ? " of all " + total : " of the " + executions + " run")
							+ " marker schedules failed.";
			result = new ExplorationResult(Verdict.VIOLATED, firstExplanation + found + infeasibleNote, executions,
					exhausted, failures, 0, 0);
		} else if (cutShort != null) {
			result = new ExplorationResult(Verdict.INCONCLUSIVE, "Inconclusive after " + executions + " of " + total
					+ " marker schedules: " + cutShort + ". No violation was found in the marker schedules run."
					+ cutDetail + infeasibleNote, executions, false, failures, 0, 0);
		} else if (infeasible == executions) {
			result = new ExplorationResult(Verdict.INCONCLUSIVE, "Inconclusive: none of the " + total
					+ " marker schedules could run to the end." + infeasibleNote, executions, false, failures, 0, 0);
		} else {
			String held = infeasible == 0 ? "all " + executions + " marker schedules"
					: "all " + (executions - infeasible) + " marker schedules that can run";
			result = new ExplorationResult(Verdict.HOLDS, "The invariant held in " + held + " (exhausted: every "
					+ "order-preserving merge of the threads' markers, " + total + " in all, ran)." + infeasibleNote,
					executions, exhausted, failures, 0, 0);
		}
		TestRunLog.record(APPROACH, result.verdict().name(), result.propertyHolds() ? null : result.explanation(),
				executions);
		return result;
	}

	/** The label and the schedule as numbered steps. */
	private static String listing(String label, Schedule schedule) {
		return "  " + Character.toUpperCase(label.charAt(0)) + label.substring(1) + ":" + steps(schedule);
	}

	/** The schedule as numbered steps, a line each: {@code 1. thread1  read_balance}. */
	private static String steps(Schedule schedule) {
		int width = 0;
		for (Step step : schedule.steps()) {
			width = Math.max(width, step.thread().length());
		}
		StringBuilder text = new StringBuilder();
		int number = 0;
		for (Step step : schedule.steps()) {
			number++;
			text.append("\n    ").append(String.format("%" + String.valueOf(schedule.size()).length() + "d", number))
					.append(". ").append(step.thread()).append(" ".repeat(width - step.thread().length() + 2))
					.append(step.marker());
		}
		return text.toString();
	}

	private static String reproduce(Schedule schedule) {
		return "  To replay it, run the same threads in a TraceExecutor with this schedule:\n\n    "
				+ schedule.toJava();
	}

	private static <S> S setUp(Spec<S> spec, long number) {
		try {
			return spec.setup().get();
		} catch (RuntimeException | Error e) {
			throw new IllegalStateException("The setup threw in marker schedule " + number + ": " + e
					+ ". Fix the setup: it must build a fresh state for every execution.", e);
		}
	}

	/** Returns {@code null} when the invariant holds, else what it said. */
	private static <S> String checkInvariant(Spec<S> spec, S state) {
		try {
			return spec.invariant().test(state) ? null : "the invariant returned false";
		} catch (AssertionError e) {
			return "the invariant failed: " + e;
		} catch (RuntimeException e) {
			return "the invariant threw " + e;
		}
	}

	/** The stack, without frontrun's own frames below the thread's body. */
	private static String stack(Throwable thrown) {
		StringWriter text = new StringWriter();
		thrown.printStackTrace(new PrintWriter(text));
		StringBuilder kept = new StringBuilder();
		for (String line : text.toString().stripTrailing().split("\\R")) {
			if (!line.startsWith("\tat dev.frontrun.internal.")) {
				kept.append(kept.length() == 0 ? "" : "\n").append(line.replace("\t", "  "));
			}
		}
		return indent(kept.toString());
	}

	private static String indent(String text) {
		return text.replace("\n", "\n    ");
	}
}
