package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.dpor.Counter;
import example.hidden.Stock;
import example.oracles.Oracles;
import example.oracles.Oracles.Forks;
import example.oracles.Oracles.Shared;
import example.random.Loops;
import example.random.Shop;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sampling strategies (random, PCT, POS) on real threads, with the agent. */
class RandomExplorationIT {

	static Stream<Strategy> samplers() {
		return Stream.of(Strategy.random(42), Strategy.pct(2, 42), Strategy.pct(3, 42), Strategy.pos(42));
	}

	private static void assertContains(String text, String part) {
		assertTrue(text.contains(part), () -> "expected «" + part + "» in:\n" + text);
	}

	@ParameterizedTest
	@MethodSource("samplers")
	void theSeedsCounterRaceIsFoundExplainedAndShrunkToOnePreemption(Strategy strategy) {
		ExplorationResult result = Frontrun.explore(Counter::new).thread(Counter::increment)
				.thread(Counter::increment).invariant(c -> c.value == 2).strategy(strategy).run();
		System.out.println(strategy + ":\n" + result.explanation() + "\n");
		assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
		assertFalse(result.exhausted());
		assertTrue(result.explanation().startsWith("Race condition found after " + result.executions()
				+ (result.executions() == 1 ? " interleaving." : " interleavings.")), result.explanation());
		assertContains(result.explanation(), "Lost update: threads 0 and 1 both read Counter.value before either "
				+ "wrote it back.");
		assertContains(result.explanation(), "Thread 0 | Counter.java:9");
		assertContains(result.explanation(), "Schedule: 1 preemption, 4 steps");
		assertTrue(result.explanation().endsWith("Reproduced 10/10 times (100%)"), result.explanation());
		assertEquals(1, result.replaySchedule().orElseThrow().preemptions());
		assertEquals(4, result.replaySchedule().orElseThrow().steps().size());
	}

	@Test
	void dporSeesNoConflictThroughHiddenStateAndHolds() {
		ExplorationResult result = Frontrun.explore(Shop::new).thread(s -> Shop.buy(s.left))
				.thread(s -> Shop.buy(s.right)).invariant(s -> Stock.items() >= 0).run();
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertTrue(result.exhausted());
		assertEquals(1, result.executions(), "two calls on two different objects are independent: one trace");
	}

	@ParameterizedTest
	@MethodSource("samplers")
	void theSamplersFindTheRaceThroughHiddenState(Strategy strategy) {
		ExplorationResult result = Frontrun.explore(Shop::new).thread(s -> Shop.buy(s.left))
				.thread(s -> Shop.buy(s.right)).invariant(s -> Stock.items() >= 0).strategy(strategy).run();
		System.out.println(strategy + ":\n" + result.explanation() + "\n");
		assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
		assertContains(result.explanation(), "the failure depends on state hidden in code frontrun does not "
				+ "instrument");
		assertContains(result.explanation(), "[call left.available()]");
		assertContains(result.explanation(), "[call right.available()]");
		assertContains(result.explanation(), "Schedule: 1 preemption");
		assertEquals(10, result.reproductions(), result.explanation());
	}

	@ParameterizedTest
	@MethodSource("samplers")
	void aPassOverTheSampleIsWordedAsOne(Strategy strategy) {
		ExplorationResult result = Frontrun.explore(Shared::new).thread(Oracles::ainc).thread(Oracles::ainc)
				.invariant(s -> s.atomic.get() == 2).strategy(strategy).maxAttempts(30).run();
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertFalse(result.exhausted(), "a sample never exhausts the space");
		assertEquals(30, result.executions());
		assertEquals("The invariant held in all 30 interleavings sampled by " + strategy + " (maxAttempts 30). "
				+ "This is a pass over a sample, not a proof: interleavings that were not sampled may still fail "
				+ "(exhausted: false). Strategy.dpor() covers every interleaving of what frontrun sees.",
				result.explanation());
		assertTrue(result.replaySchedule().isEmpty());
	}

	@ParameterizedTest
	@MethodSource("samplers")
	void locksAreRespectedAndTheirDeadlocksFound(Strategy strategy) {
		ExplorationResult locked = Frontrun.explore(Shared::new).thread(Oracles::lockCounter)
				.thread(Oracles::lockCounter).thread(Oracles::lockInc).thread(Oracles::lockInc)
				.invariant(s -> s.x == 6).strategy(strategy).maxAttempts(100).run();
		assertEquals(Verdict.HOLDS, locked.verdict(), locked.explanation());

		Exploration<Forks> philosophers = Frontrun.explore(Forks::new).strategy(strategy).maxAttempts(1_000);
		for (int i = 0; i < 3; i++) {
			int seat = i;
			philosophers.thread(f -> Oracles.philosopher(f, seat));
		}
		ExplorationResult deadlock = philosophers.run();
		assertEquals(Verdict.VIOLATED, deadlock.verdict(), deadlock.explanation());
		assertTrue(deadlock.explanation().startsWith("Deadlock detected"), deadlock.explanation());
		// philosopher 0 takes its left fork; preempted, philosopher 2 takes its own and blocks on fork 0, which lets
		// philosopher 1 run without a preemption: one is the minimum
		assertContains(deadlock.explanation(), "Schedule: 1 preemption, 9 steps");
		assertEquals(10, deadlock.reproductions(), deadlock.explanation());
	}

	@Test
	void theDefaultNumberOfAttemptsIs200() {
		ExplorationResult result = Frontrun.explore(Shared::new).thread(Oracles::ainc).thread(Oracles::ainc)
				.strategy(Strategy.random(1)).run();
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertEquals(Exploration.DEFAULT_MAX_ATTEMPTS, result.executions());
	}

	@Test
	void anExecutionThatReachesMaxOpsIsInconclusive() {
		ExplorationResult result = Frontrun.explore(Shared::new).thread(s -> Loops.incrementField(s, 100))
				.thread(s -> Loops.incrementField(s, 1)).strategy(Strategy.pos(3)).maxOps(50).run();
		assertEquals(Verdict.INCONCLUSIVE, result.verdict(), result.explanation());
		assertContains(result.explanation(), "execution 1 was abandoned: it reached maxOps (50 scheduling points)");
	}

	@Test
	void optionsThatTheStrategyWouldIgnoreFailFast() {
		String message = assertThrows(IllegalArgumentException.class, () -> Frontrun.explore(Counter::new)
				.strategy(Strategy.random(42)).preemptionBound(2)).getMessage();
		assertEquals("preemptionBound does not apply to the strategy RANDOM(seed 42), which would ignore it: "
				+ "preemptionBound is a bound on DPOR's search. Remove it, or choose Strategy.dpor().", message);
		assertContains(assertThrows(IllegalArgumentException.class, () -> Frontrun.explore(Counter::new)
				.search("stride:3").strategy(Strategy.pos(1))).getMessage(), "search does not apply to the strategy "
						+ "POS(seed 1)");
		assertContains(assertThrows(IllegalArgumentException.class, () -> Frontrun.explore(Counter::new)
				.strategy(Strategy.pct(3, 1)).maxExecutions(10)).getMessage(), "use maxAttempts(...) instead");
		assertContains(assertThrows(IllegalArgumentException.class, () -> Frontrun.explore(Counter::new)
				.maxAttempts(10)).getMessage(), "maxAttempts does not apply to the strategy DPOR");
		assertContains(assertThrows(IllegalArgumentException.class, () -> Frontrun.explore(Counter::new)
				.maxOps(10).strategy(Strategy.dpor())).getMessage(), "maxOps does not apply to the strategy DPOR");
		assertContains(assertThrows(IllegalArgumentException.class, () -> Strategy.pct(0, 1)).getMessage(),
				"depth must be at least 1");
		assertContains(assertThrows(IllegalArgumentException.class, () -> Frontrun.explore(Counter::new)
				.strategy(Strategy.random(1)).maxAttempts(0)).getMessage(), "maxAttempts must be at least 1");
	}

	@ParameterizedTest
	@MethodSource("samplers")
	void theSameSeedGivesTheSameExecutionsAndTheSameExplanationByteForByte(Strategy strategy) {
		List<ExplorationResult> runs = Stream.of(1, 2).map(i -> Frontrun.explore(Counter::new)
				.thread(Loops::incrementTwice).thread(Loops::incrementTwice)
				.invariant(c -> c.value == 4).strategy(strategy).stopOnFirst(false).maxAttempts(60).run()).toList();
		assertEquals(Verdict.VIOLATED, runs.get(0).verdict());
		assertEquals(runs.get(0).failures(), runs.get(1).failures(), "the same failing executions, schedules and "
				+ "explanations");
		assertEquals(runs.get(0).explanation(), runs.get(1).explanation());
		assertEquals(runs.get(0).replaySchedule().orElseThrow().steps(),
				runs.get(1).replaySchedule().orElseThrow().steps());

		// an invariant that always fails makes every execution a failure: the whole sequence of schedules shows
		List<List<ExplorationResult.Failure>> everyExecution = Stream.of(1, 2).map(i -> Frontrun.explore(Counter::new)
				.thread(Loops::incrementTwice).thread(Loops::incrementTwice).invariant(c -> false).strategy(strategy)
				.stopOnFirst(false).maxAttempts(40).reproduceOnFailure(0).run().failures()).toList();
		assertEquals(40, everyExecution.get(0).size());
		assertEquals(everyExecution.get(0), everyExecution.get(1));

		ExplorationResult first = Frontrun.explore(Shop::new).thread(s -> Shop.buy(s.left))
				.thread(s -> Shop.buy(s.right)).invariant(s -> Stock.items() >= 0).strategy(strategy).run();
		ExplorationResult again = Frontrun.explore(Shop::new).thread(s -> Shop.buy(s.left))
				.thread(s -> Shop.buy(s.right)).invariant(s -> Stock.items() >= 0).strategy(strategy).run();
		assertEquals(first.explanation(), again.explanation());
		assertEquals(first.executions(), again.executions());
	}
}
