package dev.frontrun.surefire;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of one frontrun test, as written to its JSON record and summarised in the build log.
 *
 * @param uniqueId the JUnit Platform unique id of the test
 * @param className the fully qualified name of the test's class, or {@code null} if the test has no class source
 * @param methodName the name of the test method, or {@code null} if the test has no method source
 * @param displayName the test's display name
 * @param approach the frontrun approach ({@code frontrun.approach}), or {@code null} if not published
 * @param verdict the published or derived verdict
 * @param outcome the JUnit outcome: {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED} or {@code SKIPPED}
 * @param executions the number of explored executions ({@code frontrun.executions}), or {@code null} if unknown
 * @param durationMillis the test's wall-clock duration in milliseconds
 * @param explanation the published explanation, else the failure's message if the verdict is not
 *        {@link Verdict#HOLDS}, else {@code null}
 * @param reportEntries every {@code frontrun.*} report entry the test published, sorted by key
 */
record FrontrunTestResult(String uniqueId, String className, String methodName, String displayName,
		String approach, Verdict verdict, String outcome, Integer executions, long durationMillis,
		String explanation, Map<String, String> reportEntries) {

	FrontrunTestResult {
		Objects.requireNonNull(uniqueId, "uniqueId");
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(verdict, "verdict");
		Objects.requireNonNull(outcome, "outcome");
		reportEntries = Collections.unmodifiableSortedMap(new TreeMap<>(reportEntries));
	}
}
