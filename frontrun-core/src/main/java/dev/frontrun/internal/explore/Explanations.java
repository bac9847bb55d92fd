package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.AccessKind;
import dev.frontrun.internal.engine.BlockedThread;
import dev.frontrun.internal.engine.ExecutionReport;
import dev.frontrun.internal.explain.RaceExplanation;
import dev.frontrun.internal.explain.SourceLines;
import dev.frontrun.internal.runtime.AgentRuntime;
import dev.frontrun.internal.runtime.Sites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides whether an execution violated the property, and explains it: a thread that threw, a deadlock with its
 * cycle, or an invariant that failed, each with the conflicting accesses that led there.
 */
final class Explanations {

	private final RaceExplanation races = new RaceExplanation(new SourceLines(AgentRuntime.sourceRoots()));

	/**
	 * Explains the violation in an execution, if there is one.
	 *
	 * @param outcome what happened
	 * @param resources names the execution's resources
	 * @param invariant checks the invariant; returns {@code null} when it holds, else what failed
	 * @param number the execution's number, from 1
	 * @return the explanation, or {@code null} when nothing was violated
	 */
	String violation(ControlledExecution.Outcome outcome, Resources resources, Supplier<String> invariant,
			long number) {
		String interleavings = number + (number == 1 ? " interleaving" : " interleavings");
		if (!outcome.failures().isEmpty()) {
			ControlledExecution.ThreadFailure failure = outcome.failures().get(0);
			return "Thread " + failure.thread() + " threw after " + interleavings + ": " + stack(failure.thrown())
					+ "\n\n" + races.explain(accesses(outcome, resources));
		}
		if (outcome.report().outcome() == ExecutionReport.Outcome.DEADLOCKED) {
			return "Deadlock detected after " + interleavings + ".\n\n  " + cycle(outcome.report(), resources);
		}
		String failed = invariant.get();
		if (failed == null) {
			return null;
		}
		return "Race condition found after " + interleavings + ".\n\n" + races.explain(accesses(outcome, resources))
				+ "\n\n  Invariant: " + failed;
	}

	private static List<RaceExplanation.Access> accesses(ControlledExecution.Outcome outcome, Resources resources) {
		List<RaceExplanation.Access> accesses = new ArrayList<>();
		for (TraceEntry entry : outcome.trace()) {
			AccessKind kind = entry.operation().kind();
			if (kind == AccessKind.READ || kind == AccessKind.WRITE) {
				accesses.add(new RaceExplanation.Access(entry.thread(), Sites.get(entry.site()), kind,
						entry.operation().resource(), resources.describe(entry.operation().resource())));
			}
		}
		return accesses;
	}

	/** The wait-for cycle: {@code thread 0 holds forks[0] and waits for forks[1], held by thread 1; ...}. */
	private static String cycle(ExecutionReport report, Resources resources) {
		Map<Integer, BlockedThread> byThread = new HashMap<>();
		for (BlockedThread blocked : report.blocked()) {
			byThread.put(blocked.thread(), blocked);
		}
		List<String> parts = new ArrayList<>();
		for (BlockedThread blocked : report.blocked()) {
			String waitsFor = resources.describe(blocked.waitingFor().resource());
			switch (blocked.waitingFor().kind()) {
			case ACQUIRE -> {
				BlockedThread holder = byThread.get(blocked.blocker());
				String holds = byThread.values().stream().filter(other -> other.blocker() == blocked.thread()
						&& other.waitingFor().kind() == AccessKind.ACQUIRE)
						.map(other -> resources.describe(other.waitingFor().resource())).findFirst().orElse(null);
				parts.add("thread " + blocked.thread() + (holds == null ? "" : " holds " + holds + " and")
						+ " waits for " + waitsFor + ", held by thread " + blocked.blocker()
						+ (holder == null ? " (which is not blocked)" : ""));
			}
			case WAIT -> parts.add("thread " + blocked.thread() + " waits to be notified on "
					+ resources.describe(blocked.waitingFor().resource())
					+ ", and no thread is left to notify it (a lost wakeup)");
			case JOIN -> parts.add("thread " + blocked.thread() + " waits for thread " + blocked.blocker()
					+ " to finish");
			default -> parts.add("thread " + blocked.thread() + " waits for " + waitsFor);
			}
		}
		return String.join(";\n  ", parts) + ".";
	}

	/**
	 * A throwable with the frames of its stack that are the program's own (not the JDK's, the test framework's or
	 * frontrun's), and its causes the same way, indented to sit inside an explanation.
	 */
	static String stack(Throwable thrown) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = thrown; current != null; current = current.getCause()) {
			text.append(current == thrown ? "" : "\n    Caused by: ").append(current);
			int hidden = 0;
			for (StackTraceElement frame : current.getStackTrace()) {
				if (isProgramFrame(frame)) {
					text.append("\n        at ").append(frame);
				} else {
					hidden++;
				}
			}
			if (hidden > 0) {
				text.append("\n        (").append(hidden).append(" frames of the JDK, JUnit and frontrun left out)");
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return text.toString();
	}

	private static boolean isProgramFrame(StackTraceElement frame) {
		String type = frame.getClassName();
		return !(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
				|| type.startsWith("dev.frontrun.") || type.startsWith("org.junit.") || type.startsWith("org.apache.maven.")
				|| type.startsWith("org.opentest4j."));
	}
}
