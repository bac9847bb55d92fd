package dev.frontrun.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a frontrun driver and says what the executions cost: where the CPU samples fall (by the
 * part of frontrun they are in, looking from the leaf for the first frame that names one), where threads parked and
 * for how long (the hand-overs of the turn and the controller's waits), how many threads were started, and what
 * was allocated, by part and by class. Figures per execution divide by the executions the driver ran while
 * recording.
 */
public final class ProfileReport {

	private ProfileReport() {
	}

	/**
	 * @param recording the .jfr file
	 * @param executions executions run during the recording
	 * @return the summary
	 * @throws IOException if the file cannot be read
	 */
	public static Map<String, Object> analyze(Path recording, long executions) throws IOException {
		Map<String, Long> cpuByPart = new TreeMap<>();
		Map<String, Long> cpuByLeaf = new TreeMap<>();
		Map<String, long[]> parksBySite = new TreeMap<>();
		Map<String, Long> allocByPart = new TreeMap<>();
		Map<String, Long> allocByClass = new TreeMap<>();
		long samples = 0;
		long threadStarts = 0;
		long parks = 0;
		long parkNanos = 0;
		long allocated = 0;
		long gcPauseNanos = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String type = event.getEventType().getName();
			switch (type) {
			case "jdk.ExecutionSample" -> {
				samples++;
				cpuByPart.merge(part(event.getStackTrace()), 1L, Long::sum);
				cpuByLeaf.merge(leaf(event.getStackTrace()), 1L, Long::sum);
			}
			case "jdk.ThreadPark" -> {
				long nanos = event.getDuration().toNanos();
				parks++;
				parkNanos += nanos;
				long[] site = parksBySite.computeIfAbsent(parkSite(event.getStackTrace()), k -> new long[2]);
				site[0]++;
				site[1] += nanos;
			}
			case "jdk.ThreadStart" -> threadStarts++;
			case "jdk.ObjectAllocationSample" -> {
				long weight = event.getLong("weight");
				allocated += weight;
				allocByPart.merge(part(event.getStackTrace()), weight, Long::sum);
				String cls = event.getClass("objectClass").getName();
				allocByClass.merge(cls, weight, Long::sum);
			}
			case "jdk.GarbageCollection" -> gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
			default -> {
			}
			}
		}
		double perExecution = Math.max(1, executions);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("executions", executions);
		out.put("cpuSamples", samples);
		out.put("cpuSamplesByPart", percentages(cpuByPart, samples));
		out.put("cpuTopLeafFrames", top(percentages(cpuByLeaf, samples), 12));
		out.put("threadStartsPerExecution", threadStarts / perExecution);
		out.put("parksPerExecution", parks / perExecution);
		out.put("parkMicrosPerExecution", parkNanos / 1e3 / perExecution);
		Map<String, Object> sites = new LinkedHashMap<>();
		parksBySite.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
				.limit(8).forEach(e -> {
					Map<String, Object> site = new LinkedHashMap<>();
					site.put("perExecution", e.getValue()[0] / perExecution);
					site.put("microsPerExecution", e.getValue()[1] / 1e3 / perExecution);
					site.put("meanMicros", e.getValue()[1] / 1e3 / e.getValue()[0]);
					sites.put(e.getKey(), site);
				});
		out.put("parksBySite", sites);
		out.put("sampledBytesPerExecution", allocated / perExecution);
		out.put("allocationByPart", percentages(allocByPart, allocated));
		out.put("allocationTopClasses", top(percentages(allocByClass, allocated), 10));
		out.put("gcPauseMicrosPerExecution", gcPauseNanos / 1e3 / perExecution);
		return out;
	}

	/** The part of the program a stack is in: the first frame from the leaf that names one. */
	static String part(RecordedStackTrace stack) {
		if (stack == null) {
			return "(no stack)";
		}
		for (RecordedFrame frame : stack.getFrames()) {
			String type = frame.getMethod().getType().getName();
			String method = frame.getMethod().getName();
			if ((type.equals("java.util.concurrent.locks.LockSupport") || type.equals("jdk.internal.misc.Unsafe"))
					&& (method.startsWith("park") || method.startsWith("unpark"))) {
				return "park/unpark (hand-over of the turn)";
			}
			if (type.equals("java.lang.Thread") && (method.startsWith("start") || method.equals("<init>")
					|| method.equals("exit"))) {
				return "thread creation, start and exit";
			}
			if (type.startsWith("dev.frontrun.internal.engine.")) {
				return "DPOR engine bookkeeping";
			}
			if (type.startsWith("dev.frontrun.internal.explore.Resources")
					|| type.startsWith("dev.frontrun.internal.explore.ObjectIds")) {
				return "object numbering (Resources, ObjectIds)";
			}
			if (type.startsWith("dev.frontrun.internal.explore.Explanations")
					|| type.startsWith("dev.frontrun.internal.explain.")) {
				return "explanations";
			}
			if (type.startsWith("dev.frontrun.internal.explore.")) {
				return "controlled execution (handler, turn, threads)";
			}
			if (type.startsWith("dev.frontrun.internal.runtime.")) {
				return "hook dispatch (Hooks, Sites)";
			}
			if (type.startsWith("dev.frontrun.internal.")) {
				return "other frontrun";
			}
			if (type.startsWith("benchmarks.")) {
				return "workload code";
			}
			if (type.startsWith("dev.frontrun.bench.") || type.startsWith("dev.frontrun.")) {
				return "harness and API";
			}
		}
		return "JDK only (no frontrun frame)";
	}

	private static String leaf(RecordedStackTrace stack) {
		if (stack == null || stack.getFrames().isEmpty()) {
			return "(no stack)";
		}
		RecordedFrame frame = stack.getFrames().get(0);
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	/** Where a park came from: the first frame outside the JDK. */
	private static String parkSite(RecordedStackTrace stack) {
		if (stack == null) {
			return "(no stack)";
		}
		List<RecordedFrame> frames = stack.getFrames();
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
				return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
			}
		}
		return frames.isEmpty() ? "(empty)" : leaf(stack);
	}

	private static Map<String, Double> percentages(Map<String, Long> counts, long total) {
		Map<String, Double> out = new LinkedHashMap<>();
		counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
				.forEach(e -> out.put(e.getKey(), total == 0 ? 0 : 100.0 * e.getValue() / total));
		return out;
	}

	private static Map<String, Double> top(Map<String, Double> sorted, int n) {
		Map<String, Double> out = new LinkedHashMap<>();
		sorted.entrySet().stream().limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	/**
	 * Prints the summary of a recording.
	 *
	 * @param args the .jfr file and the number of executions
	 * @throws IOException if the file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		System.out.print(Json.pretty(analyze(Path.of(args[0]), Long.parseLong(args[1]))));
	}

}
