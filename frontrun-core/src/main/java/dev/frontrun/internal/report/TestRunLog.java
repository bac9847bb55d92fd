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
	/** Report entry key: the replay file written for the first violation, an absolute path. */
	public static final String REPLAY_FILE = "frontrun.replayFile";
	/** Report entry key: the command that replays it. */
	public static final String REPLAY_COMMAND = "frontrun.replayCommand";

	private static final ThreadLocal<TestRunLog> CURRENT = new ThreadLocal<>();

	private final Set<String> approaches = new LinkedHashSet<>();
	private final TestIdentity test;
	private long executions;
	private String verdict;
	private String explanation;
	private String replayFile;
	private String replayCommand;
	private int explorations;

	private TestRunLog(TestIdentity test) {
		this.test = test;
	}

	/**
	 * Starts a log for the test running on the calling thread.
	 */
	public static void open() {
		CURRENT.set(new TestRunLog(null));
	}

	/**
	 * Starts a log for the test running on the calling thread, naming the test, so that replay files and the
	 * command that replays them name it too.
	 *
	 * @param className the test class's binary name
	 * @param methodName the test method's name
	 */
	public static void open(String className, String methodName) {
		CURRENT.set(new TestRunLog(new TestIdentity(className, methodName)));
	}

	/**
	 * Returns the test that the calling thread's log names.
	 *
	 * @return the test, or {@code null} when no log is open or it names none
	 */
	public static TestIdentity currentTest() {
		TestRunLog log = CURRENT.get();
		return log == null ? null : log.test;
	}

	/**
	 * Counts an exploration in the calling thread's log.
	 *
	 * @return its number within the test, from 1; 0 when no log is open
	 */
	public static int countExploration() {
		TestRunLog log = CURRENT.get();
		return log == null ? 0 : ++log.explorations;
	}

	/**
	 * Records the replay file of a violation in the calling thread's log, if one is open; the first is kept.
	 *
	 * @param file the file, an absolute path
	 * @param command the command that replays it
	 */
	public static void recordReplay(String file, String command) {
		TestRunLog log = CURRENT.get();
		if (log != null && log.replayFile == null) {
			log.replayFile = file;
			log.replayCommand = command;
		}
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
		if (replayFile != null) {
			entries.put(REPLAY_FILE, replayFile);
			entries.put(REPLAY_COMMAND, replayCommand);
		}
		return entries;
	}
}
