package dev.frontrun;

import example.dpor.Counter;
import example.oracles.Oracles.Shared;
import example.patterns.Reorder;
import example.random.Loops;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the sampling strategies and prints the numbers; asserts nothing about time. Run it with
 * {@code mvn -f frontrun-core/pom.xml verify -Dit.test=SamplingMeasurementsIT -Dfrontrun.measure=true}.
 */
@EnabledIfSystemProperty(named = "frontrun.measure", matches = "true")
class SamplingMeasurementsIT {

	private static final int ATTEMPTS = 2_000;
	private static final List<Function<Long, Strategy>> STRATEGIES = List.of(Strategy::random,
			seed -> Strategy.pct(3, seed), Strategy::pos);

	private static double perSecond(Exploration<?> exploration) {
		exploration.run(); // warm up
		long start = System.nanoTime();
		ExplorationResult result = exploration.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		return result.executions() / seconds;
	}

	@Test
	void executionsPerSecond() {
		for (Function<Long, Strategy> strategy : STRATEGIES) {
			Strategy chosen = strategy.apply(1L);
			double counter = perSecond(Frontrun.explore(Counter::new).thread(Counter::increment)
					.thread(Counter::increment).invariant(c -> c.value == 2).strategy(chosen).stopOnFirst(false)
					.reproduceOnFailure(0).maxAttempts(ATTEMPTS));
			double atomics = perSecond(Frontrun.explore(Shared::new).thread(s -> Loops.incrementAtomic(s, 5))
					.thread(s -> Loops.incrementAtomic(s, 5)).thread(s -> Loops.incrementAtomic(s, 5))
					.invariant(s -> s.atomic.get() == 15).strategy(chosen).maxAttempts(ATTEMPTS));
			System.out.printf(Locale.ROOT, "%-22s counter (stopOnFirst false): %6.0f executions/s; "
					+ "3 threads x 5 incrementAndGet: %6.0f executions/s%n", chosen, counter, atomics);
		}
	}

	@Test
	void executionsToTheFirstFailureOfTheReorderingBugWithFourSetters() {
		ExplorationResult dpor = reorder(Strategy.dpor());
		System.out.println("DPOR: first failure at execution " + dpor.failures().get(0).execution());
		for (Function<Long, Strategy> strategy : STRATEGIES) {
			List<Long> found = new ArrayList<>();
			for (long seed = 1; seed <= 30; seed++) {
				ExplorationResult result = reorder(strategy.apply(seed));
				found.add(result.failures().isEmpty() ? -1 : result.failures().get(0).execution());
			}
			List<Long> sorted = new ArrayList<>(found);
			Collections.sort(sorted);
			System.out.printf(Locale.ROOT, "%-10s seeds 1-30: median %d, mean %.1f, max %d executions to the first "
					+ "failure %s%n", strategy.apply(0L).name(), sorted.get(sorted.size() / 2),
					found.stream().mapToLong(Long::longValue).average().orElse(0), sorted.get(sorted.size() - 1),
					found);
		}
	}

	private static ExplorationResult reorder(Strategy strategy) {
		Exploration<Reorder> exploration = Frontrun.explore(Reorder::new).thread(Reorder::set).thread(Reorder::set)
				.thread(Reorder::set).thread(Reorder::set).thread(Reorder::check).strategy(strategy)
				.reproduceOnFailure(0);
		return strategy.isSampling() ? exploration.maxAttempts(10_000).run() : exploration.run();
	}
}
