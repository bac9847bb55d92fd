package dev.frontrun.bench.lincheck;

import dev.frontrun.bench.Measure;
import dev.frontrun.bench.Workload;
import dev.frontrun.bench.Workloads;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbrains.lincheck.Lincheck;

/**
 * Measures one workload under Lincheck's model checker: one run is
 * {@code Lincheck.runConcurrentTest(invocations, block)}, whose block starts the threads, joins them and checks the
 * state. Lincheck does not say how many invocations it ran (it stops early when its bounded search is done), so
 * the block counts its own entries. The count is kept in a system property: Lincheck restores the static fields
 * of the classes it analyses after every invocation (a static {@code long}, an {@code AtomicLong} in a static
 * field and a static {@code long[]} all read 0 after 1,000 invocations), but not the JDK's own state.
 *
 * <pre>
 * java -cp ... dev.frontrun.bench.lincheck.LincheckDriver --workload w1 [--invocations 1000]
 *      [--threads subclass|runnable]
 *      [--warmup 1] [--samples 5] [--min-sample-ms 0]
 * </pre>
 */
public final class LincheckDriver {

	/** The workload the block runs; set before each run. */
	static volatile Workload<?> workload;
	/** Whether the block hands the thread bodies to {@code new Thread(Runnable)} rather than subclassing Thread. */
	static volatile boolean runnables;
	private static final String ENTRIES = "bench.lincheck.entries";
	private static final String FIRST_FAILED = "bench.lincheck.firstFailedEntry";

	private LincheckDriver() {
	}

	/**
	 * @param args see the class comment
	 * @throws Exception if Lincheck fails for a reason other than finding a bug
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = Measure.options(args);
		workload = Workloads.byId(options.get("workload"));
		int invocations = Integer.parseInt(options.getOrDefault("invocations", "1000"));
		runnables = options.getOrDefault("threads", "subclass").equals("runnable");
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
		int samples = Integer.parseInt(options.getOrDefault("samples", "5"));
		long minSample = Long.parseLong(options.getOrDefault("min-sample-ms", "0")) * 1_000_000;

		Map<String, Object> record = new LinkedHashMap<>();
		record.put("tool", "lincheck");
		record.put("strategy", runnables ? "model-checking, new Thread(Runnable)" : "model-checking");
		record.put("workload", workload.id());
		record.put("mode", "invocations");
		record.put("budget", invocations);
		record.put("java", System.getProperty("java.version"));
		record.putAll(Measure.measure(index -> once(invocations), warmup, samples, minSample));
		Measure.emit(record);
	}

	private static Measure.Outcome once(int invocations) {
		System.getProperties().put(ENTRIES, 0L);
		System.getProperties().remove(FIRST_FAILED);
		long start = System.nanoTime();
		Throwable failure = null;
		try {
			Lincheck.runConcurrentTest(invocations, LincheckDriver::block);
		} catch (Throwable t) {
			failure = t;
		}
		long nanos = System.nanoTime() - start;
		long entries = (Long) System.getProperties().get(ENTRIES);
		Long firstFailedEntry = (Long) System.getProperties().get(FIRST_FAILED);
		if (failure == null) {
			return new Measure.Outcome(entries, -1, entries >= invocations ? "BUDGET" : "HOLDS", null, -1, null);
		}
		String text = String.valueOf(failure.getMessage());
		String verdict = text.contains("eadlock") || text.contains("has hung") ? "DEADLOCK"
				: failure instanceof AssertionError ? "VIOLATION" : "ERROR";
		// The block's count includes Lincheck's replays of the failing interleaving to build its trace; when
		// the check failed, the entry where it first did is exact.
		long failedAt = firstFailedEntry != null ? firstFailedEntry : entries;
		String first = failure.getClass().getSimpleName() + ": " + firstLine(text);
		return new Measure.Outcome(failedAt, failedAt, verdict, null, nanos,
				first.length() > 200 ? first.substring(0, 200) + "…" : first);
	}

	private static String firstLine(String text) {
		String trimmed = text.strip();
		int newline = trimmed.indexOf('\n');
		return newline < 0 ? trimmed : trimmed.substring(0, newline);
	}

	/** One invocation: a non-capturing method reference, as Lincheck needs. */
	private static void block() {
		Long entry = (Long) System.getProperties().get(ENTRIES) + 1;
		System.getProperties().put(ENTRIES, entry);
		try {
			if (runnables) {
				workload.runPlainWithRunnables();
			} else {
				workload.runPlain();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (AssertionError e) {
			System.getProperties().putIfAbsent(FIRST_FAILED, entry);
			throw e;
		}
	}
}
