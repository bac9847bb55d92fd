package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.dpor.Counter;
import example.dpor.SynchronizedCounter;
import example.oracles.Oracles;
import example.oracles.Oracles.Shared;
import org.junit.jupiter.api.Test;

/** DPOR on real threads, with the agent. */
class DporExplorationIT {

	@Test
	void theLostUpdateOfTheSeedsCounterIsFoundAndExplained() {
		ExplorationResult result = Frontrun.explore(Counter::new).thread(Counter::increment)
				.thread(Counter::increment).invariant(c -> c.value == 2).run();
		System.out.println(result.explanation());
		assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
		assertTrue(result.explanation().contains("Lost update: threads 0 and 1 both read Counter.value"),
				result.explanation());
		assertTrue(result.explanation().endsWith("Reproduced 10/10 times (100%)"), result.explanation());
		assertEquals(10, result.reproductions());
		assertEquals(10, result.reproductionAttempts());
	}

	@Test
	void anInvariantThatThrowsIsAViolationWithItsMessageAndStack() {
		ExplorationResult result = Frontrun.explore(Counter::new).thread(Counter::increment)
				.thread(Counter::increment).invariant(c -> {
					c.checkBothCounted();
					return true;
				}).run();
		assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
		assertTrue(result.explanation().contains(
				"Invariant: the invariant failed: java.lang.AssertionError: value is 1, expected 2"), result.explanation());
		assertTrue(result.explanation().contains("at example.dpor.Counter.checkBothCounted(Counter.java:"),
				result.explanation());
	}

	@Test
	void theCounterHasFourTracesWhenAllAreExplored() {
		ExplorationResult result = Frontrun.explore(Counter::new).thread(Counter::increment)
				.thread(Counter::increment).stopOnFirst(false).invariant(c -> c.value == 2).run();
		assertEquals(4, result.executions(), result.explanation());
	}

	@Test
	void atomicIncrementsHoldInEveryInterleaving() {
		ExplorationResult result = Frontrun.explore(Shared::new).thread(Oracles::ainc).thread(Oracles::ainc)
				.invariant(s -> s.atomic.get() == 2).run();
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertTrue(result.exhausted());
		assertEquals(2, result.executions());
	}

	@Test
	void synchronizedIncrementsHoldWithOneExecutionPerOrderOfCriticalSections() {
		ExplorationResult result = Frontrun.explore(SynchronizedCounter::new).thread(SynchronizedCounter::increment)
				.thread(SynchronizedCounter::increment).thread(SynchronizedCounter::increment)
				.invariant(c -> c.value() == 3).run();
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertTrue(result.exhausted());
		assertEquals(6, result.executions());
	}
}
