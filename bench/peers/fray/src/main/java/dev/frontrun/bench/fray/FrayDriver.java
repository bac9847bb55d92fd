package dev.frontrun.bench.fray;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.frontrun.bench.Measure;
import dev.frontrun.bench.Workload;
import dev.frontrun.bench.Workloads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Measures one workload under Fray, in a JVM of Fray's instrumented JDK with Fray's java agent and JVMTI agent
 * (bench/scripts/fray-jdk). One run is one JUnit execution of {@link FrayWorkloadTest}'s method for the scheduler:
 * {@link FrayWorkloadTest#ITERATIONS} iterations, or up to the first bug. A listener counts the iterations that ran
 * and notes when the first one failed.
 *
 * <pre>
 * (fray java) (fray argLine) -cp ... dev.frontrun.bench.fray.FrayDriver --workload w1 --scheduler pos|pct
 *      [--iterations 1000|200] [--warmup 1] [--samples 5] [--min-sample-ms 0]
 * </pre>
 */
public final class FrayDriver {

	private static final boolean DEBUG = Boolean.getBoolean("bench.debug");

	private FrayDriver() {
	}

	/**
	 * @param args see the class comment
	 * @throws Exception if JUnit fails
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = Measure.options(args);
		Workload<?> workload = Workloads.byId(options.get("workload"));
		String scheduler = options.getOrDefault("scheduler", "pos");
		boolean quick = options.getOrDefault("iterations", String.valueOf(FrayWorkloadTest.ITERATIONS))
				.equals(String.valueOf(FrayWorkloadTest.QUICK_ITERATIONS));
		int iterations = quick ? FrayWorkloadTest.QUICK_ITERATIONS : FrayWorkloadTest.ITERATIONS;
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
		int samples = Integer.parseInt(options.getOrDefault("samples", "5"));
		long minSample = Long.parseLong(options.getOrDefault("min-sample-ms", "0")) * 1_000_000;
		System.setProperty("bench.workload", workload.id());

		Map<String, Object> record = new LinkedHashMap<>();
		record.put("tool", "fray");
		record.put("strategy", scheduler);
		record.put("workload", workload.id());
		record.put("mode", "iterations");
		record.put("budget", iterations);
		record.put("java", System.getProperty("java.version"));
		Launcher launcher = LauncherFactory.create();
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
				.selectors(selectMethod(FrayWorkloadTest.class, quick ? scheduler + "Quick" : scheduler)).build();
		record.putAll(Measure.measure(index -> once(launcher, request, iterations), warmup, samples, minSample));
		Measure.emit(record);
	}

	private static Measure.Outcome once(Launcher launcher, LauncherDiscoveryRequest request, int iterations) {
		Counting listener = new Counting(System.nanoTime());
		launcher.execute(request, listener);
		String verdict;
		if (listener.failedAt.get() > 0) {
			String message = String.valueOf(listener.failure);
			verdict = message.contains("eadlock") ? "DEADLOCK" : "VIOLATION";
		} else if (listener.containerFailure != null) {
			throw new IllegalStateException("Fray did not run the test", listener.containerFailure);
		} else if (listener.iterations.get() >= iterations) {
			verdict = "BUDGET";
		} else {
			verdict = "INCOMPLETE";
		}
		String note = listener.failure == null ? null : abbreviate(listener.failure);
		return new Measure.Outcome(listener.iterations.get(), listener.failedAt.get(), verdict, null,
				listener.failureNanos, note);
	}

	private static String abbreviate(Throwable failure) {
		String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		int newline = text.indexOf('\n');
		text = newline < 0 ? text : text.substring(0, newline);
		return text.length() > 160 ? text.substring(0, 160) + "…" : text;
	}

	/** Counts the iterations (test template invocations) that ran, and the first that failed. */
	private static final class Counting implements TestExecutionListener {
		final AtomicLong iterations = new AtomicLong();
		final AtomicLong failedAt = new AtomicLong(-1);
		final long start;
		volatile long failureNanos = -1;
		volatile Throwable failure;
		volatile Throwable containerFailure;

		Counting(long start) {
			this.start = start;
		}

		@Override
		public void executionSkipped(TestIdentifier test, String reason) {
			if (DEBUG) {
				System.err.println("skipped " + test.getUniqueId() + ": " + reason);
			}
		}

		@Override
		public void executionFinished(TestIdentifier test, TestExecutionResult result) {
			if (DEBUG) {
				System.err.println("finished " + test.getUniqueId() + ": " + result);
			}
			if (!test.isTest()) {
				if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && containerFailure == null) {
					containerFailure = result.getThrowable().orElse(null);
				}
				return;
			}
			long n = iterations.incrementAndGet();
			if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && failedAt.get() < 0) {
				failedAt.set(n);
				failureNanos = System.nanoTime() - start;
				failure = result.getThrowable().orElse(null);
			}
		}
	}
}
