package dev.frontrun.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one benchmark cell inside the measured JVM, the same way for every tool: warm-up runs that are thrown away,
 * then at least five samples. A sample repeats runs until it has lasted at least the minimum sample time (a run of
 * W1's 20 executions takes milliseconds), and records wall time, executions, CPU time, bytes allocated and threads
 * started over its runs. Medians are taken over the samples. At the end, the JVM's peak resident memory and peak
 * heap are read.
 *
 * <p>The driver prints the record as one line {@code RESULT {json}} on standard output, for {@link Runner}.
 */
public final class Measure {

	/** Warm-up goes on, beyond the runs asked for, until it has lasted this long. */
	private static final long MIN_WARMUP_NANOS = 3_000_000_000L;
	/** Warm-up stops after this long, once at least one warm-up run has been made. */
	private static final long MAX_WARMUP_NANOS = 10_000_000_000L;

	private Measure() {
	}

	/** One run: an exploration, a Fray test method, a Lincheck test. */
	@FunctionalInterface
	public interface Run {
		/**
		 * @param index the run's number in this JVM, from 0 (seeds of random strategies derive from it)
		 * @return what it did
		 * @throws Exception if the tool failed (not the workload)
		 */
		Outcome run(int index) throws Exception;
	}

	/**
	 * What one run did.
	 *
	 * @param executions executions (interleavings, iterations, invocations) it ran
	 * @param failedAt the number, from 1, of the first execution that failed, or -1
	 * @param verdict HOLDS, VIOLATION, DEADLOCK, INCONCLUSIVE or a tool's word
	 * @param exhausted whether the tool says it covered the whole space, or {@code null} if it cannot say
	 * @param failureNanos time from the start of the run to the end of the failing execution, or -1 to use the run's
	 *        time
	 * @param note anything to report, or {@code null}
	 */
	public record Outcome(long executions, long failedAt, String verdict, Boolean exhausted, long failureNanos,
			String note) {
	}

	/**
	 * Measures a cell and returns its record.
	 *
	 * @param run one run
	 * @param warmup the least number of warm-up runs, discarded; more are made until warm-up has lasted 3 s (the JIT
	 *        needs seconds, not runs: 2 runs of a 20-execution exploration leave it cold), none once it has lasted
	 *        10 s
	 * @param samples samples to take, at least 1
	 * @param minSampleNanos the least time a sample lasts
	 * @return the record
	 * @throws Exception if a run failed
	 */
	public static Map<String, Object> measure(Run run, int warmup, int samples, long minSampleNanos)
			throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		com.sun.management.OperatingSystemMXBean sunOs = os instanceof com.sun.management.OperatingSystemMXBean o
				? o : null;
		int index = 0;
		long warmupNanos = 0;
		int warmupRuns = 0;
		// at least one warm-up run; then more until `warmup` runs and MIN_WARMUP, but none once MAX_WARMUP has passed
		for (int i = 0; i == 0 || (i < warmup || warmupNanos < MIN_WARMUP_NANOS) && warmupNanos < MAX_WARMUP_NANOS;
				i++) {
			long start = System.nanoTime();
			run.run(index++);
			warmupRuns++;
			warmupNanos += System.nanoTime() - start;
		}
		List<Map<String, Object>> taken = new ArrayList<>();
		List<Long> failedAt = new ArrayList<>();
		List<Double> failureMillis = new ArrayList<>();
		List<Long> executionsPerRun = new ArrayList<>();
		Map<String, Integer> verdicts = new LinkedHashMap<>();
		Map<String, Integer> notes = new LinkedHashMap<>();
		Boolean exhausted = null;
		int measuredRuns = 0;
		int notFound = 0;
		for (int s = 0; s < samples; s++) {
			int runs = 0;
			long executions = 0;
			long cpu0 = sunOs == null ? -1 : sunOs.getProcessCpuTime();
			long alloc0 = threads.getTotalThreadAllocatedBytes();
			long started0 = threads.getTotalStartedThreadCount();
			long start = System.nanoTime();
			long elapsed;
			do {
				long runStart = System.nanoTime();
				Outcome outcome = run.run(index++);
				long runNanos = System.nanoTime() - runStart;
				runs++;
				measuredRuns++;
				executions += outcome.executions();
				executionsPerRun.add(outcome.executions());
				verdicts.merge(outcome.verdict(), 1, Integer::sum);
				if (outcome.note() != null) {
					notes.merge(outcome.note(), 1, Integer::sum);
				}
				if (outcome.failedAt() > 0) {
					failedAt.add(outcome.failedAt());
					failureMillis.add((outcome.failureNanos() >= 0 ? outcome.failureNanos() : runNanos) / 1e6);
				} else {
					notFound++;
				}
				exhausted = outcome.exhausted();
				elapsed = System.nanoTime() - start;
			} while (elapsed < minSampleNanos);
			long cpu = sunOs == null ? -1 : sunOs.getProcessCpuTime() - cpu0;
			Map<String, Object> sample = new LinkedHashMap<>();
			sample.put("runs", runs);
			sample.put("nanos", elapsed);
			sample.put("executions", executions);
			sample.put("cpuNanos", cpu);
			sample.put("allocatedBytes", threads.getTotalThreadAllocatedBytes() - alloc0);
			sample.put("threadsStarted", threads.getTotalStartedThreadCount() - started0);
			taken.add(sample);
		}

		Map<String, Object> record = new LinkedHashMap<>();
		record.put("warmupRuns", warmupRuns);
		record.put("warmupMillis", warmupNanos / 1e6);
		record.put("measuredRuns", measuredRuns);
		record.put("samples", taken);
		record.put("runMillis", median(taken, s -> num(s, "nanos") / 1e6 / num(s, "runs")));
		record.put("executionsPerRun", medianLong(executionsPerRun));
		record.put("executionsPerSecond", median(taken, s -> num(s, "executions") * 1e9 / num(s, "nanos")));
		record.put("microsPerExecution", median(taken, s -> num(s, "nanos") / 1e3 / num(s, "executions")));
		record.put("cpuPerWall", median(taken, s -> num(s, "cpuNanos") / num(s, "nanos")));
		record.put("bytesPerExecution", median(taken, s -> num(s, "allocatedBytes") / num(s, "executions")));
		record.put("threadsPerExecution", median(taken, s -> num(s, "threadsStarted") / num(s, "executions")));
		record.put("verdicts", verdicts);
		record.put("exhausted", exhausted);
		if (!notes.isEmpty()) {
			record.put("notes", notes);
		}
		Map<String, Object> first = new LinkedHashMap<>();
		first.put("found", failedAt.size());
		first.put("notFound", notFound);
		first.put("medianExecutions", failedAt.isEmpty() ? null : medianLong(failedAt));
		first.put("medianMillis", failureMillis.isEmpty() ? null : medianDouble(failureMillis));
		first.put("executions", failedAt.size() <= 50 ? failedAt : failedAt.subList(0, 50));
		record.put("firstFailure", first);
		record.putAll(memory());
		return record;
	}

	/** @return the peak resident set size, peak heap and garbage collection counts of this JVM */
	public static Map<String, Object> memory() {
		Map<String, Object> memory = new LinkedHashMap<>();
		long heapPeak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				heapPeak += pool.getPeakUsage().getUsed();
			}
		}
		memory.put("peakHeapMB", heapPeak / 1048576.0);
		memory.put("peakRssMB", procStatus("VmHWM:") / 1024.0);
		long gcs = 0;
		long gcMillis = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			gcs += Math.max(0, gc.getCollectionCount());
			gcMillis += Math.max(0, gc.getCollectionTime());
		}
		memory.put("gcCount", gcs);
		memory.put("gcMillis", gcMillis);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		memory.put("peakThreads", threads.getPeakThreadCount());
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			memory.put("processCpuSeconds", os.getProcessCpuTime() / 1e9);
		}
		return memory;
	}

	/** Reads a kB figure of /proc/self/status, or -1. */
	private static long procStatus(String key) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith(key)) {
					return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
				}
			}
		} catch (IOException | RuntimeException e) {
			// not Linux
		}
		return -1;
	}

	private static double num(Map<String, Object> sample, String key) {
		return ((Number) sample.get(key)).doubleValue();
	}

	private static double median(List<Map<String, Object>> samples,
			java.util.function.ToDoubleFunction<Map<String, Object>> f) {
		List<Double> values = new ArrayList<>();
		for (Map<String, Object> sample : samples) {
			values.add(f.applyAsDouble(sample));
		}
		return medianDouble(values);
	}

	/**
	 * @param values values
	 * @return their median (the mean of the middle two for an even count)
	 */
	public static double medianDouble(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		if (n == 0) {
			return Double.NaN;
		}
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static double medianLong(List<Long> values) {
		List<Double> doubles = new ArrayList<>();
		for (long value : values) {
			doubles.add((double) value);
		}
		return medianDouble(doubles);
	}

	/**
	 * Prints a record the way {@link Runner} reads it.
	 *
	 * @param record the record
	 */
	public static void emit(Map<String, Object> record) {
		System.out.println("RESULT " + Json.write(record));
		System.out.flush();
	}

	/** Options every driver takes: {@code --name value} pairs. */
	public static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value pairs, got " + List.of(args));
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}
}
