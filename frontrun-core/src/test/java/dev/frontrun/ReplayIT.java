package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.dpor.Counter;
import example.dpor.SynchronizedCounter;
import example.oracles.Oracles;
import example.oracles.Oracles.Shared;
import example.random.Loops;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay files: written by a failing run, replayed exactly, refused when they no longer apply; and shrinking. */
class ReplayIT {

	private static Exploration<Counter> counterRace(Strategy strategy) {
		return Frontrun.explore(Counter::new).thread(Counter::increment).thread(Counter::increment)
				.invariant(c -> c.value == 2).strategy(strategy);
	}

	private static void assertContains(String text, String part) {
		assertTrue(text.contains(part), () -> "expected «" + part + "» in:\n" + text);
	}

	/** The accesses and the invariant's message: the explanation without its header and its footer. */
	private static String body(String explanation) {
		int start = explanation.indexOf("\n\n");
		int end = explanation.indexOf("\n\n", explanation.indexOf("Invariant:"));
		return explanation.substring(start, end);
	}

	private static ReplaySchedule edited(ReplaySchedule schedule, List<ReplaySchedule.Step> steps, int exploration) {
		return new ReplaySchedule(schedule.test(), exploration, schedule.strategy(), schedule.execution(),
				schedule.preemptions(), steps);
	}

	@Test
	void everyViolationCarriesAScheduleThatReplaysTheSameFailure(@TempDir Path directory) {
		for (Strategy strategy : List.of(Strategy.dpor(), Strategy.random(7), Strategy.pct(2, 7), Strategy.pos(7))) {
			ExplorationResult found = counterRace(strategy).run();
			ReplaySchedule schedule = found.replaySchedule().orElseThrow();
			assertEquals(strategy.toString(), schedule.strategy());
			assertEquals("dev.frontrun.ReplayIT#everyViolationCarriesAScheduleThatReplaysTheSameFailure",
					schedule.test());
			Path file = directory.resolve(strategy.name() + ".json");
			schedule.write(file);

			ExplorationResult replayed = counterRace(Strategy.dpor()).replay(file).run();
			assertEquals(Verdict.VIOLATED, replayed.verdict(), replayed.explanation());
			assertEquals(1, replayed.executions());
			assertEquals(body(found.explanation()), body(replayed.explanation()));
			assertContains(replayed.explanation(), "Replay file: " + file.toAbsolutePath() + " (4 steps, recorded by "
					+ schedule.test() + ", execution " + schedule.execution() + " of " + strategy + ").");
			assertContains(replayed.explanation(), "Reproduced 10/10 times (100%)");
		}
	}

	@Test
	void aFailingRunWritesItsReplayFileAndEndsWithTheCommandThatReplaysIt(@TempDir Path directory) {
		System.setProperty("frontrun.dataDirectory", directory.toString());
		try {
			ExplorationResult result = counterRace(Strategy.random(42)).run();
			Path file = directory.resolve("replay")
					.resolve("dev.frontrun.ReplayIT.aFailingRunWritesItsReplayFileAndEndsWithTheCommandThatReplaysIt"
							+ ".json").toAbsolutePath();
			assertEquals(file, result.replayFile().orElseThrow());
			assertTrue(Files.isRegularFile(file));
			assertEquals(result.replaySchedule().orElseThrow(), ReplaySchedule.read(file));
			assertTrue(result.explanation().endsWith("Reproduced 10/10 times (100%)\n\n  Replay: mvn frontrun:test "
					+ "-Dtest=ReplayIT#aFailingRunWritesItsReplayFileAndEndsWithTheCommandThatReplaysIt "
					+ "-Dfrontrun.replay=" + file), result.explanation());
		} finally {
			System.clearProperty("frontrun.dataDirectory");
		}
	}

	@Test
	void theSystemPropertyReplaysTheExplorationThatRecordedTheFileAndNoOther(@TempDir Path directory) {
		ExplorationResult found = counterRace(Strategy.pos(5)).run();
		// this test's second exploration replays it; the file names the exploration it belongs to
		ReplaySchedule schedule = found.replaySchedule().orElseThrow();
		assertEquals(1, schedule.exploration());
		Path file = directory.resolve("second.json");
		edited(schedule, schedule.steps(), 2).write(file);
		System.setProperty(Exploration.REPLAY_PROPERTY, file.toString());
		try {
			ExplorationResult replayed = counterRace(Strategy.pos(5)).run();
			assertEquals(Verdict.VIOLATED, replayed.verdict(), replayed.explanation());
			assertEquals(1, replayed.executions());
			assertContains(replayed.explanation(), "Replay file: " + file.toAbsolutePath());
			assertEquals(body(found.explanation()), body(replayed.explanation()));

			ExplorationResult third = Frontrun.explore(Shared::new).thread(Oracles::ainc).thread(Oracles::ainc)
					.invariant(s -> s.atomic.get() == 2).run();
			assertEquals(Verdict.HOLDS, third.verdict(), "the third exploration explores as usual");
			assertTrue(third.exhausted());
		} finally {
			System.clearProperty(Exploration.REPLAY_PROPERTY);
		}
	}

	@Test
	void aScheduleThatNoLongerAppliesIsReportedAsSuch(@TempDir Path directory) {
		ReplaySchedule schedule = counterRace(Strategy.random(3)).run().replaySchedule().orElseThrow();
		List<ReplaySchedule.Step> steps = schedule.steps();

		List<ReplaySchedule.Step> otherKind = new ArrayList<>(steps);
		ReplaySchedule.Step second = steps.get(1);
		otherKind.set(1, new ReplaySchedule.Step(second.thread(), "write", second.resource(), second.id(), second.at()));
		assertNoLongerApplies(directory, edited(schedule, otherKind, 1), counterRace(Strategy.dpor()),
				"The recorded schedule no longer applies: At step 1 thread " + second.thread() + " performed read "
						+ "field Counter.value#1 where an earlier execution with the same schedule performed write");

		assertNoLongerApplies(directory, edited(schedule, steps.subList(0, 3), 1), counterRace(Strategy.dpor()),
				"The recorded schedule no longer applies: The recorded schedule ends after 3 steps, but thread");

		List<ReplaySchedule.Step> longer = new ArrayList<>(steps);
		longer.add(steps.get(3));
		assertNoLongerApplies(directory, edited(schedule, longer, 1), counterRace(Strategy.dpor()),
				"The recorded schedule no longer applies: the program ended after 4 of the 5 recorded steps.");

		assertNoLongerApplies(directory, schedule, Frontrun.explore(SynchronizedCounter::new)
				.thread(SynchronizedCounter::increment).thread(SynchronizedCounter::increment)
				.invariant(c -> c.value() == 2), "The recorded schedule no longer applies: At step 0");
	}

	private static void assertNoLongerApplies(Path directory, ReplaySchedule schedule, Exploration<?> exploration,
			String expected) {
		Path file = directory.resolve("edited.json");
		schedule.write(file);
		ExplorationResult result = exploration.replay(file).run();
		assertEquals(Verdict.INCONCLUSIVE, result.verdict(), result.explanation());
		assertTrue(result.explanation().startsWith(expected), result.explanation());
		assertContains(result.explanation(), "Replay file: " + file.toAbsolutePath());
	}

	@Test
	void aCounterexampleWithSeveralPreemptionsShrinksToTheOneTheCounterRaceNeeds() {
		Pattern shrunk = Pattern.compile("Schedule: 1 preemption, 8 steps \\(shrunk from (\\d+) preemptions, (\\d+) "
				+ "steps\\)\\.");
		int seen = 0;
		for (long seed = 1; seed <= 40 && seen < 3; seed++) {
			ExplorationResult result = Frontrun.explore(Counter::new).thread(Loops::incrementTwice)
					.thread(Loops::incrementTwice).invariant(c -> c.value == 4).strategy(Strategy.random(seed))
					.reproduceOnFailure(1).run();
			assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
			assertEquals(1, result.replaySchedule().orElseThrow().preemptions(), result.explanation());
			Matcher matcher = shrunk.matcher(result.explanation());
			if (matcher.find() && Integer.parseInt(matcher.group(1)) >= 2) {
				seen++;
			}
		}
		assertEquals(3, seen, "three seeds whose first counterexample had several preemptions");
	}
}
