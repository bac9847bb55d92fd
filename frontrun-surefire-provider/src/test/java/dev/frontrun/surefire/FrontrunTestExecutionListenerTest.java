package dev.frontrun.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class FrontrunTestExecutionListenerTest {

	// Fixtures: static nested classes, which Surefire's default excludes (**/*$*) keep out of this module's
	// own test run; the tests below launch them explicitly.

	static class Fixtures {

		@Test
		@Tag("frontrun")
		void holds(TestReporter reporter) {
			reporter.publishEntry(Map.of("frontrun.approach", "trace-markers", "frontrun.executions", "1"));
		}

		@Test
		@Tag("frontrun")
		void violated() {
			fail("balance was 50, expected 100");
		}

		@Test
		@Tag("frontrun")
		void crashed() {
			throw new IllegalStateException("the agent is not attached");
		}

		@Test
		@Tag("frontrun")
		void aborted() {
			Assumptions.assumeTrue(false, "needs redis");
		}

		@Test
		@Tag("frontrun")
		@Disabled("not today")
		void disabled() {
		}

		@Test
		void plain() {
		}

		@Test
		void untaggedWithEntries(TestReporter reporter) {
			reporter.publishEntry("frontrun.approach", "dpor");
			reporter.publishEntry("other", "ignored");
			reporter.publishEntry("frontrun.executions", "many");
		}

		@Test
		@Tag("frontrun")
		void explicitVerdict(TestReporter reporter) {
			reporter.publishEntry(Map.of("frontrun.verdict", "violated", "frontrun.explanation", "a race",
					"frontrun.executions", "12", "frontrun.approach", "dpor"));
		}

		@Test
		@Tag("frontrun")
		void explicitExplanation(TestReporter reporter) {
			reporter.publishEntry("frontrun.explanation", "explained by frontrun");
			fail("raw message");
		}

		@ParameterizedTest
		@ValueSource(ints = { 1, 2 })
		@Tag("frontrun")
		void parameterized(int seed) {
		}
	}

	@Tag("frontrun")
	static class TaggedClass {

		@Test
		void inheritsTheTag() {
		}
	}

	@Tag("frontrun")
	@Disabled("whole class off")
	static class DisabledClass {

		@Test
		void first() {
		}

		@Test
		void second() {
		}
	}

	private static Map<String, FrontrunTestResult> run(Class<?>... classes) {
		FrontrunResults results = new FrontrunResults();
		results.activate();
		LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
				// only the listener under test: not the one registered through ServiceLoader
				.configurationParameter("junit.platform.execution.listeners.deactivate", "*");
		for (Class<?> testClass : classes) {
			request.selectors(selectClass(testClass));
		}
		LauncherDiscoveryRequest built = request.build();
		Launcher launcher = LauncherFactory.create();
		launcher.execute(built, new FrontrunTestExecutionListener(results, System::nanoTime));
		return results.drain().stream()
				.collect(Collectors.toMap(FrontrunTestExecutionListenerTest::key, Function.identity()));
	}

	private static String key(FrontrunTestResult result) {
		String simple = result.className().substring(result.className().lastIndexOf('$') + 1);
		return simple + "." + (result.methodName() == null ? result.displayName() : result.methodName())
				+ (result.displayName().startsWith("[") ? result.displayName() : "");
	}

	@Test
	void recordsTaggedTestsAndTestsWithFrontrunEntriesOnly() {
		Map<String, FrontrunTestResult> results = run(Fixtures.class);
		assertEquals(Set.of("Fixtures.holds", "Fixtures.violated", "Fixtures.crashed", "Fixtures.aborted",
				"Fixtures.disabled", "Fixtures.untaggedWithEntries", "Fixtures.explicitVerdict",
				"Fixtures.explicitExplanation", "Fixtures.parameterized[1] 1",
				"Fixtures.parameterized[2] 2"), results.keySet());
	}

	@Test
	void publishedEntriesGiveApproachAndExecutions() {
		FrontrunTestResult holds = run(Fixtures.class).get("Fixtures.holds");
		assertEquals(Fixtures.class.getName(), holds.className());
		assertEquals("holds", holds.methodName());
		assertEquals("holds(TestReporter)", holds.displayName());
		assertEquals("trace-markers", holds.approach());
		assertEquals(Integer.valueOf(1), holds.executions());
		assertEquals(Verdict.HOLDS, holds.verdict());
		assertEquals("SUCCESSFUL", holds.outcome());
		assertNull(holds.explanation());
		assertTrue(holds.uniqueId().contains("[method:holds("), holds.uniqueId());
		assertEquals(Map.of("frontrun.approach", "trace-markers", "frontrun.executions", "1"),
				holds.reportEntries());
	}

	@Test
	void verdictIsDerivedFromTheOutcomeWhenNotPublished() {
		Map<String, FrontrunTestResult> results = run(Fixtures.class);
		FrontrunTestResult violated = results.get("Fixtures.violated");
		assertEquals(Verdict.VIOLATED, violated.verdict());
		assertEquals("FAILED", violated.outcome());
		assertEquals("balance was 50, expected 100", violated.explanation());
		assertNull(violated.approach());
		assertNull(violated.executions());

		FrontrunTestResult crashed = results.get("Fixtures.crashed");
		assertEquals(Verdict.INCONCLUSIVE, crashed.verdict());
		assertEquals("the agent is not attached", crashed.explanation());

		FrontrunTestResult aborted = results.get("Fixtures.aborted");
		assertEquals(Verdict.INCONCLUSIVE, aborted.verdict());
		assertEquals("ABORTED", aborted.outcome());
		assertTrue(aborted.explanation().contains("needs redis"), aborted.explanation());
	}

	@Test
	void publishedVerdictAndExplanationWin() {
		Map<String, FrontrunTestResult> results = run(Fixtures.class);
		FrontrunTestResult explicit = results.get("Fixtures.explicitVerdict");
		assertEquals(Verdict.VIOLATED, explicit.verdict());
		assertEquals("SUCCESSFUL", explicit.outcome());
		assertEquals("a race", explicit.explanation());
		assertEquals(Integer.valueOf(12), explicit.executions());

		FrontrunTestResult explained = results.get("Fixtures.explicitExplanation");
		assertEquals(Verdict.VIOLATED, explained.verdict());
		assertEquals("explained by frontrun", explained.explanation());
	}

	@Test
	void untaggedTestWithEntriesKeepsOnlyFrontrunEntriesAndIgnoresBadNumbers() {
		FrontrunTestResult untagged = run(Fixtures.class).get("Fixtures.untaggedWithEntries");
		assertEquals("dpor", untagged.approach());
		assertNull(untagged.executions());
		assertEquals(Map.of("frontrun.approach", "dpor", "frontrun.executions", "many"), untagged.reportEntries());
	}

	@Test
	void skippedTestsAreInconclusiveWithTheReason() {
		FrontrunTestResult disabled = run(Fixtures.class).get("Fixtures.disabled");
		assertEquals(Verdict.INCONCLUSIVE, disabled.verdict());
		assertEquals("SKIPPED", disabled.outcome());
		assertEquals("skipped: not today", disabled.explanation());
		assertEquals(0, disabled.durationMillis());
	}

	@Test
	void testsOfASkippedTaggedClassAreRecordedOneByOne() {
		Map<String, FrontrunTestResult> results = run(DisabledClass.class);
		assertEquals(Set.of("DisabledClass.first", "DisabledClass.second"), results.keySet());
		assertEquals("skipped: whole class off", results.get("DisabledClass.first").explanation());
	}

	@Test
	void aTagOnTheClassMarksItsTests() {
		Map<String, FrontrunTestResult> results = run(TaggedClass.class);
		assertEquals(Set.of("TaggedClass.inheritsTheTag"), results.keySet());
	}

	@Test
	void invocationsOfATemplateAreRecordedSeparately() {
		Map<String, FrontrunTestResult> results = run(Fixtures.class);
		FrontrunTestResult first = results.get("Fixtures.parameterized[1] 1");
		FrontrunTestResult second = results.get("Fixtures.parameterized[2] 2");
		assertEquals("parameterized", first.methodName());
		assertTrue(!first.uniqueId().equals(second.uniqueId()));
	}

	// Hand-made identifiers, for timing and event-order details.

	private static final class Descriptor extends AbstractTestDescriptor {

		private final Set<TestTag> tags;

		Descriptor(String id, TestSource source, Set<TestTag> tags) {
			super(UniqueId.forEngine("fake").append("test", id), id, source);
			this.tags = tags;
		}

		@Override
		public Type getType() {
			return Type.TEST;
		}

		@Override
		public Set<TestTag> getTags() {
			return tags;
		}
	}

	private static TestIdentifier frontrunTest(String name) {
		return TestIdentifier.from(
				new Descriptor(name, MethodSource.from("com.acme.BankAccountTest", name), Set.of(TestTag.create("frontrun"))));
	}

	private static final class Clock {
		final Deque<Long> ticks = new ArrayDeque<>();

		Clock(long... nanos) {
			for (long tick : nanos) {
				ticks.add(tick);
			}
		}

		long next() {
			return ticks.isEmpty() ? 0 : ticks.poll();
		}
	}

	@Test
	void durationIsFromStartToFinishInMilliseconds() {
		FrontrunResults results = new FrontrunResults();
		results.activate();
		Clock clock = new Clock(1_000_000L, 13_900_000L);
		TestExecutionListener listener = new FrontrunTestExecutionListener(results, clock::next);
		TestIdentifier test = frontrunTest("lostUpdate");
		listener.executionStarted(test);
		listener.reportingEntryPublished(test, ReportEntry.from("frontrun.approach", "trace-markers"));
		listener.executionFinished(test, TestExecutionResult.successful());
		List<FrontrunTestResult> recorded = results.drain();
		assertEquals(1, recorded.size());
		assertEquals(12, recorded.get(0).durationMillis());
		assertEquals("com.acme.BankAccountTest", recorded.get(0).className());
		assertEquals("lostUpdate", recorded.get(0).methodName());
		assertEquals("[frontrun] BankAccountTest.lostUpdate [lostUpdate]: trace-markers HOLDS, 12 ms",
				ResultRecords.summaryLine(recorded.get(0)));
	}

	@Test
	void aFinishWithoutAStartIsStillRecorded() {
		FrontrunResults results = new FrontrunResults();
		results.activate();
		TestExecutionListener listener = new FrontrunTestExecutionListener(results, () -> 5L);
		listener.executionFinished(frontrunTest("late"), TestExecutionResult.aborted(null));
		FrontrunTestResult result = results.drain().get(0);
		assertEquals(0, result.durationMillis());
		assertEquals(Verdict.INCONCLUSIVE, result.verdict());
		assertNull(result.explanation());
	}

	@Test
	void nothingIsCollectedUntilActivated() {
		FrontrunResults results = new FrontrunResults();
		TestExecutionListener listener = new FrontrunTestExecutionListener(results, System::nanoTime);
		TestIdentifier test = frontrunTest("early");
		listener.executionStarted(test);
		listener.executionFinished(test, TestExecutionResult.successful());
		results.activate();
		assertEquals(List.of(), results.drain());
	}

	@Test
	void theLauncherFindsTheListenerThroughServiceLoader() {
		boolean found = ServiceLoader.load(TestExecutionListener.class).stream()
				.anyMatch(provider -> provider.type() == FrontrunTestExecutionListener.class);
		assertTrue(found);
	}

	@Test
	void theServicesFileDeclaresTheFrontrunProvider() throws IOException {
		try (InputStream in = getClass().getResourceAsStream(
				"/META-INF/services/org.apache.maven.surefire.api.provider.SurefireProvider")) {
			assertEquals("dev.frontrun.surefire.FrontrunProvider",
					new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
		}
	}
}
