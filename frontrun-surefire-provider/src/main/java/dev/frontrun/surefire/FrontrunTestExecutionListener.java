package dev.frontrun.surefire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the results of frontrun tests while the JUnit Platform launcher runs them.
 *
 * <p>A frontrun test is a test with the JUnit tag {@value #TAG} or with at least one report entry whose key
 * starts with {@value #ENTRY_PREFIX}. For each one the listener records its unique id, class, method and display
 * name, its duration, and what frontrun's JUnit extension published:
 * <ul>
 * <li>{@value #APPROACH}: the approach, such as {@code trace-markers};</li>
 * <li>{@value #EXECUTIONS}: how many executions were explored, a decimal integer;</li>
 * <li>{@value #VERDICT}: {@code HOLDS}, {@code VIOLATED} or {@code INCONCLUSIVE}; when absent it is derived
 * from the outcome: successful means {@code HOLDS}, failed with an {@link AssertionError} means
 * {@code VIOLATED}, any other failure or an abort means {@code INCONCLUSIVE};</li>
 * <li>{@value #EXPLANATION}: why; when absent, the failure's message is used unless the verdict is
 * {@code HOLDS}.</li>
 * <li>{@value #REPLAY_FILE} and {@value #REPLAY_COMMAND}: for a violation, the replay file and the command that
 * replays it. The runtime writes the file itself, in the test JVM, when {@code frontrun.dataDirectory} is set (the
 * explanation names it, so it must exist by then); the record keeps both entries and the build log gets the
 * command.</li>
 * </ul>
 * A skipped frontrun test is recorded as {@code INCONCLUSIVE} with the skip reason as its explanation.
 *
 * <p>The launcher finds this listener through {@link java.util.ServiceLoader}. It collects only while
 * {@link FrontrunProvider} runs the tests; anywhere else it does nothing.
 */
public final class FrontrunTestExecutionListener implements TestExecutionListener {

	/** The JUnit tag that marks frontrun tests. */
	public static final String TAG = "frontrun";

	/** The prefix of the report entries that frontrun's JUnit extension publishes. */
	public static final String ENTRY_PREFIX = "frontrun.";

	/** Report entry key of the approach. */
	public static final String APPROACH = "frontrun.approach";

	/** Report entry key of the number of explored executions. */
	public static final String EXECUTIONS = "frontrun.executions";

	/** Report entry key of the verdict. */
	public static final String VERDICT = "frontrun.verdict";

	/** Report entry key of the explanation. */
	public static final String EXPLANATION = "frontrun.explanation";

	/**
	 * Report entry key of the replay file that frontrun's runtime wrote for a violation, an absolute path under
	 * {@code <frontrun.dataDirectory>/replay/}.
	 */
	public static final String REPLAY_FILE = "frontrun.replayFile";

	/** Report entry key of the command that replays that file. */
	public static final String REPLAY_COMMAND = "frontrun.replayCommand";

	private final FrontrunResults results;
	private final LongSupplier nanoTime;
	private final Map<String, Running> running = new ConcurrentHashMap<>();
	private volatile TestPlan testPlan;

	/** Creates the listener that the launcher loads; it reports to {@link FrontrunResults#shared()}. */
	public FrontrunTestExecutionListener() {
		this(FrontrunResults.shared(), System::nanoTime);
	}

	FrontrunTestExecutionListener(FrontrunResults results, LongSupplier nanoTime) {
		this.results = results;
		this.nanoTime = nanoTime;
	}

	@Override
	public void testPlanExecutionStarted(TestPlan plan) {
		testPlan = plan;
	}

	@Override
	public void executionStarted(TestIdentifier test) {
		if (results.isActive() && test.isTest()) {
			running.put(test.getUniqueId(), new Running(nanoTime.getAsLong()));
		}
	}

	@Override
	public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
		if (!results.isActive() || !test.isTest()) {
			return;
		}
		Running run = running.computeIfAbsent(test.getUniqueId(), id -> new Running(nanoTime.getAsLong()));
		entry.getKeyValuePairs().forEach((key, value) -> {
			if (key.startsWith(ENTRY_PREFIX)) {
				run.entries.put(key, value);
			}
		});
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (!results.isActive() || !test.isTest()) {
			return;
		}
		long now = nanoTime.getAsLong();
		Running run = running.remove(test.getUniqueId());
		if (run == null) {
			run = new Running(now);
		}
		Map<String, String> entries = run.snapshot();
		if (!hasFrontrunTag(test) && entries.isEmpty()) {
			return;
		}
		Verdict verdict = Verdict.parse(entries.get(VERDICT)).orElseGet(() -> Verdict.derive(result));
		String explanation = entries.get(EXPLANATION);
		if (explanation == null && verdict != Verdict.HOLDS) {
			explanation = result.getThrowable().map(FrontrunTestExecutionListener::describe).orElse(null);
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, now - run.startNanos));
		results.add(toResult(test, result.getStatus().name(), verdict, millis, explanation, entries));
	}

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		if (!results.isActive()) {
			return;
		}
		if (test.isTest()) {
			recordSkipped(test, reason);
			return;
		}
		TestPlan plan = testPlan;
		if (plan != null) {
			// The launcher reports only the skipped container, not the tests inside it.
			for (TestIdentifier descendant : plan.getDescendants(test)) {
				if (descendant.isTest()) {
					recordSkipped(descendant, reason);
				}
			}
		}
	}

	private void recordSkipped(TestIdentifier test, String reason) {
		if (hasFrontrunTag(test)) {
			String explanation = reason == null || reason.isBlank() ? "skipped" : "skipped: " + reason;
			results.add(toResult(test, "SKIPPED", Verdict.INCONCLUSIVE, 0, explanation, Map.of()));
		}
	}

	private FrontrunTestResult toResult(TestIdentifier test, String outcome, Verdict verdict, long millis,
			String explanation, Map<String, String> entries) {
		return new FrontrunTestResult(test.getUniqueId(), className(test), methodName(test),
				test.getDisplayName(), entries.get(APPROACH), verdict, outcome, parseExecutions(entries.get(EXECUTIONS)),
				millis, explanation, entries);
	}

	static boolean hasFrontrunTag(TestIdentifier test) {
		for (TestTag tag : test.getTags()) {
			if (TAG.equals(tag.getName())) {
				return true;
			}
		}
		return false;
	}

	private String className(TestIdentifier test) {
		for (TestIdentifier current = test; current != null; current = parent(current)) {
			Optional<TestSource> source = current.getSource();
			if (source.isPresent() && source.get() instanceof MethodSource) {
				return ((MethodSource) source.get()).getClassName();
			}
			if (source.isPresent() && source.get() instanceof ClassSource) {
				return ((ClassSource) source.get()).getClassName();
			}
		}
		return null;
	}

	private String methodName(TestIdentifier test) {
		for (TestIdentifier current = test; current != null; current = parent(current)) {
			Optional<TestSource> source = current.getSource();
			if (source.isPresent() && source.get() instanceof MethodSource) {
				return ((MethodSource) source.get()).getMethodName();
			}
			if (source.isPresent() && source.get() instanceof ClassSource) {
				return null;
			}
		}
		return null;
	}

	private TestIdentifier parent(TestIdentifier test) {
		TestPlan plan = testPlan;
		return plan == null ? null : plan.getParent(test).orElse(null);
	}

	static Integer parseExecutions(String value) {
		if (value == null) {
			return null;
		}
		try {
			int executions = Integer.parseInt(value.trim());
			return executions < 0 ? null : executions;
		} catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return message == null || message.isBlank() ? failure.getClass().getName() : message;
	}

	/** A test that has started: when, and the frontrun entries it has published so far. */
	private static final class Running {

		final long startNanos;
		final Map<String, String> entries = Collections.synchronizedMap(new LinkedHashMap<>());

		Running(long startNanos) {
			this.startNanos = startNanos;
		}

		Map<String, String> snapshot() {
			synchronized (entries) {
				return new LinkedHashMap<>(entries);
			}
		}
	}
}
