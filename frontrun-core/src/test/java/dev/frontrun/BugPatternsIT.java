package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.patterns.LostWakeup;
import example.patterns.Patterns;
import example.patterns.Reorder;
import example.patterns.TwoStage;
import example.patterns.WrongLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classic bug patterns (after SCTBench), each with its expected outcome: found by DPOR, and by PCT within 1,000
 * executions for a fixed seed (as by random and POS).
 */
class BugPatternsIT {

	/** PCT's budget in the issue: the bug must be found within this many executions. */
	private static final int PCT_BUDGET = 1_000;

	/** A pattern: how to explore it, and what its explanation must say. */
	record Pattern(String name, Function<Strategy, ExplorationResult> explore, String expected) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Pattern> patterns() {
		return Stream.of(
				new Pattern("reordering, 4 setters and a checker", strategy -> configure(Frontrun.explore(Reorder::new)
						.thread(Reorder::set).thread(Reorder::set).thread(Reorder::set).thread(Reorder::set)
						.thread(Reorder::check), strategy).run(), "Thread 4 threw"),
				new Pattern("two stages across two locks", strategy -> configure(Frontrun.explore(TwoStage::new)
						.thread(TwoStage::update).thread(TwoStage::check), strategy).run(),
						"stage one done, stage two not"),
				new Pattern("two locks for one counter", strategy -> configure(Frontrun.explore(WrongLock::new)
						.thread(WrongLock::incrementUnderA).thread(WrongLock::incrementUnderB), strategy)
						.invariant(w -> w.count == 2).run(), "Lost update: threads 0 and 1 both read WrongLock.count"),
				new Pattern("lost wakeup", strategy -> configure(Frontrun.explore(LostWakeup::new)
						.thread(Patterns::receive).thread(m -> m.deliver("hello")), strategy)
						.invariant(m -> "hello".equals(m.received)).run(), "lost wakeup"));
	}

	private static <S> Exploration<S> configure(Exploration<S> exploration, Strategy strategy) {
		exploration.strategy(strategy);
		return strategy.isSampling() ? exploration.maxAttempts(PCT_BUDGET) : exploration;
	}

	static Stream<Arguments> patternsAndSamplers() {
		return patterns().flatMap(pattern -> Stream.of(Strategy.pct(3, 2026), Strategy.random(2026),
				Strategy.pos(2026)).map(strategy -> Arguments.of(pattern, strategy)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("patterns")
	void dporFindsIt(Pattern pattern) {
		ExplorationResult result = pattern.explore().apply(Strategy.dpor());
		assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
		assertTrue(result.explanation().contains(pattern.expected()), result.explanation());
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("patternsAndSamplers")
	void theSamplersFindItWithinTheBudget(Pattern pattern, Strategy strategy) {
		ExplorationResult result = pattern.explore().apply(strategy);
		System.out.println(pattern + " with " + strategy + ": found at execution " + result.executions());
		assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
		assertTrue(result.executions() <= PCT_BUDGET);
		assertTrue(result.explanation().contains(pattern.expected()), result.explanation());
		assertEquals(result.reproductionAttempts(), result.reproductions(), result.explanation());
	}
}
