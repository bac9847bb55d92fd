package dev.frontrun.internal.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What frontrun ran in the current test: which approaches, how many executions, and the verdict and explanation
 * where frontrun itself decided them. The JUnit extension opens a log before each test, on the test's thread,
 * and publishes it as report entries afterwards; frontrun's Surefire provider turns those into result records.
 */
public final class TestRunLog {

	/** Report entry key: the approaches used, comma separated, such as {@code trace-markers}. */
	public static final String APPROACH = "frontrun.approach";
	/** Report entry key: the number of executions, in decimal. */
	public static final String EXECUTIONS = "frontrun.executions";
	/** Report entry key: {@code HOLDS}, {@code VIOLATED} or {@code INCONCLUSIVE}, where frontrun decided it. */
	public static final String VERDICT = "frontrun.verdict";
	/** Report entry key: why, where frontrun explained the outcome. */
	public static final String EXPLANATION = "frontrun.explanation";

	private static final ThreadLocal<TestRunLog> CURRENT = new ThreadLocal<>();

	private final Set<String> approaches = new LinkedHashSet<>();
	private long executions;
	private String verdict;
	private String explanation;

	private TestRunLog() {
	}

	/**
	 * Starts a log for the test running on the calling thread.
	 */
	public static void open() {
		CURRENT.set(new TestRunLog());
	}

	/**
	 * Ends the calling thread's log.
	 *
	 * @return the report entries of what ran, empty when nothing did or no log was open
	 */
	public static Map<String, String> close() {
		TestRunLog log = CURRENT.get();
		CURRENT.remove();
		return log == null || log.approaches.isEmpty() ? Map.of() : log.reportEntries();
	}

	/**
	 * Records one execution in the calling thread's log, if one is open.
	 *
	 * @param approach the approach, such as {@code trace-markers}
	 * @param verdict the verdict where frontrun decided it, else {@code null}
	 * @param explanation why, else {@code null}; the first one recorded is kept
	 */
	public static void record(String approach, String verdict, String explanation) {
		record(approach, verdict, explanation, 1);
	}

	/**
	 * Records executions in the calling thread's log, if one is open.
	 *
	 * @param approach the approach, such as {@code dpor}
	 * @param verdict the verdict where frontrun decided it, else {@code null}
	 * @param explanation why, else {@code null}; the first one recorded is kept
	 * @param executions how many executions ran
	 */
	public static void record(String approach, String verdict, String explanation, long executions) {
		TestRunLog log = CURRENT.get();
		if (log == null) {
			return;
		}
		log.approaches.add(approach);
		log.executions += executions;
		if (verdict != null) {
			log.verdict = verdict;
		}
		if (explanation != null && log.explanation == null) {
			log.explanation = explanation;
		}
	}

	private Map<String, String> reportEntries() {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put(APPROACH, String.join(",", approaches));
		entries.put(EXECUTIONS, Long.toString(executions));
		if (verdict != null) {
			entries.put(VERDICT, verdict);
		}
		if (explanation != null) {
			entries.put(EXPLANATION, explanation);
		}
		return entries;
	}
}
