package dev.frontrun.internal.explain;

import dev.frontrun.internal.engine.AccessKind;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.SiteKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Explains a failing execution from the accesses it made: which shared things two threads touched in a
 * conflicting way, a one-line diagnosis (lost update, check-then-act, write-write conflict), and those accesses in
 * the order they ran, each with its source line.
 *
 * <pre>
 *   Lost update: threads 0 and 1 both read Counter.value before either wrote it back.
 *
 *   Thread 0 | Counter.java:7           int temp = this.value;
 *            | [read Counter.value]
 * </pre>
 */
public final class RaceExplanation {

	private static final int LOCATION_WIDTH = 25;
	private static final int MAX_RUN = 3;
	private static final int MAX_LINES = 30;

	/**
	 * One memory access of the execution.
	 *
	 * @param thread the thread's number
	 * @param site where it happened
	 * @param kind {@link AccessKind#READ} or {@link AccessKind#WRITE}
	 * @param resource what was accessed, equal for accesses of the same thing
	 * @param target how to name what was accessed, such as {@code Counter.value}
	 */
	public record Access(int thread, Site site, AccessKind kind, Object resource, String target) {
	}

	private final SourceLines source;

	/**
	 * Creates an explainer.
	 *
	 * @param source where to read source lines
	 */
	public RaceExplanation(SourceLines source) {
		this.source = source;
	}

	/**
	 * Explains the accesses of an execution.
	 *
	 * @param accesses the memory accesses, in the order they ran
	 * @return the diagnosis, a blank line and the conflicting accesses; or a note that no two threads accessed
	 *         anything frontrun can see in a conflicting way
	 */
	public String explain(List<Access> accesses) {
		Map<Object, List<Access>> byResource = new LinkedHashMap<>();
		for (Access access : accesses) {
			byResource.computeIfAbsent(access.resource(), r -> new ArrayList<>()).add(access);
		}
		List<Object> conflicting = new ArrayList<>();
		for (Map.Entry<Object, List<Access>> entry : byResource.entrySet()) {
			if (isConflict(entry.getValue())) {
				conflicting.add(entry.getKey());
			}
		}
		if (conflicting.isEmpty()) {
			List<Access> calls = accesses.stream().filter(access -> isCall(access.site())).toList();
			if (calls.stream().map(Access::thread).distinct().count() > 1) {
				return "  No two threads accessed anything frontrun can see in a conflicting way: the failure depends on "
						+ "state hidden in code frontrun does not instrument. The calls into that code, in the order "
						+ "they ran:\n\n" + format(calls, true);
			}
			return "  No two threads accessed anything frontrun can see in a conflicting way: the cause may be state "
					+ "hidden in code frontrun does not instrument (widen tracePackages, or try a random strategy).";
		}
		String diagnosis = diagnose(byResource.get(conflicting.get(0)));
		List<Access> shown = new ArrayList<>();
		for (Access access : accesses) {
			if (conflicting.contains(access.resource())) {
				shown.add(access);
			}
		}
		return "  " + diagnosis + "\n\n" + format(shown, false);
	}

	private static boolean isConflict(List<Access> accesses) {
		Set<Integer> threads = new LinkedHashSet<>();
		boolean written = false;
		for (Access access : accesses) {
			threads.add(access.thread());
			written |= access.kind() == AccessKind.WRITE;
		}
		return threads.size() > 1 && written;
	}

	private static String diagnose(List<Access> accesses) {
		List<Integer> threads = new ArrayList<>(new LinkedHashSet<>(accesses.stream().map(Access::thread).toList()));
		int a = Math.min(threads.get(0), threads.get(1));
		int b = Math.max(threads.get(0), threads.get(1));
		String target = accesses.get(0).target();
		int firstWrite = Integer.MAX_VALUE;
		for (int i = 0; i < accesses.size(); i++) {
			if (accesses.get(i).kind() == AccessKind.WRITE) {
				firstWrite = i;
				break;
			}
		}
		boolean aReadFirst = readBefore(accesses, a, firstWrite);
		boolean bReadFirst = readBefore(accesses, b, firstWrite);
		if (aReadFirst && bReadFirst && wrote(accesses, a) && wrote(accesses, b)) {
			if (accesses.stream().anyMatch(access -> access.site().kind() == SiteKind.CALL_READ)) {
				return "Check-then-act: threads " + a + " and " + b + " both checked " + target
						+ " before either acted on it.";
			}
			return "Lost update: threads " + a + " and " + b + " both read " + target
					+ " before either wrote it back.";
		}
		if (wrote(accesses, a) && wrote(accesses, b)) {
			return "Write-write conflict: threads " + a + " and " + b + " both wrote to " + target + ".";
		}
		return "Race condition involving threads " + a + " and " + b + " on " + target + ".";
	}

	private static boolean readBefore(List<Access> accesses, int thread, int index) {
		for (int i = 0; i < Math.min(index, accesses.size()); i++) {
			if (accesses.get(i).thread() == thread && accesses.get(i).kind() == AccessKind.READ) {
				return true;
			}
		}
		return false;
	}

	private static boolean wrote(List<Access> accesses, int thread) {
		return accesses.stream().anyMatch(access -> access.thread() == thread && access.kind() == AccessKind.WRITE);
	}

	/** One line of the explanation: consecutive accesses of one thread on one source line to one target. */
	private record Line(int thread, Site site, String target, Set<String> kinds) {
	}

	private static boolean isCall(Site site) {
		return site.kind() == SiteKind.CALL_READ || site.kind() == SiteKind.CALL_WRITE;
	}

	/** Formats accesses, calls as {@code [call target.method()]} when {@code calls} is set. */
	private String format(List<Access> shown, boolean calls) {
		List<Line> lines = new ArrayList<>();
		for (Access access : shown) {
			Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
			String kind = calls ? "call" : access.kind() == AccessKind.READ ? "read" : "write";
			String target = calls ? access.target() + "." + access.site().member().name() + "()" : access.target();
			if (last != null && last.thread() == access.thread() && last.site().line() == access.site().line()
					&& Objects.equals(last.site().sourceFile(), access.site().sourceFile())
					&& last.target().equals(target)) {
				last.kinds().add(kind);
			} else {
				Set<String> kinds = new LinkedHashSet<>();
				kinds.add(kind);
				lines.add(new Line(access.thread(), access.site(), target, kinds));
			}
		}
		StringBuilder text = new StringBuilder();
		int written = 0;
		for (int i = 0; i < lines.size() && written < MAX_LINES; i++) {
			int run = 1;
			while (i + run < lines.size() && lines.get(i + run).thread() == lines.get(i).thread()) {
				run++;
			}
			int keep = run > MAX_RUN + 1 ? MAX_RUN : run;
			for (int j = 0; j < keep && written < MAX_LINES; j++, written++) {
				append(text, lines.get(i + j));
			}
			if (keep < run) {
				text.append("           | ... ").append(run - keep).append(" more lines from Thread ")
						.append(lines.get(i).thread()).append('\n');
			}
			i += run - 1;
		}
		if (written == MAX_LINES && lines.size() > MAX_LINES) {
			text.append("  ... (").append(lines.size() - MAX_LINES).append(" more lines)\n");
		}
		return text.toString().stripTrailing();
	}

	private void append(StringBuilder text, Line line) {
		Site site = line.site();
		String head = "  Thread " + line.thread() + " | ";
		String location = String.format("%-" + LOCATION_WIDTH + "s", site.location());
		text.append(head).append(location)
				.append(source.line(site.declaringClass(), site.sourceFile(), site.line())).append('\n');
		text.append(" ".repeat(head.length() - 2)).append("| [").append(String.join("+", line.kinds())).append(' ')
				.append(line.target()).append("]\n");
	}
}
