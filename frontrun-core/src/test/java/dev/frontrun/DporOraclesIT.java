package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.oracles.Oracles;
import example.oracles.Oracles.Forks;
import example.oracles.Oracles.LastZero;
import example.oracles.Oracles.Shared;
import example.oracles.Oracles.Table;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The programs of shared/oracles/README.md on real threads under the agent: DPOR must run exactly one execution
 * per Mazurkiewicz trace, and say that it covered them all.
 */
class DporOraclesIT {

	private static <S> ExplorationResult exploreAll(Exploration<S> exploration) {
		return exploration.stopOnFirst(false).run();
	}

	private static void assertExactly(long expected, ExplorationResult result) {
		assertEquals(expected, result.executions(), result.explanation());
		assertTrue(result.exhausted(), "not exhausted: " + result.explanation());
	}

	private static Exploration<Shared> threads(int n, Consumer<Shared> first, Consumer<Shared> others) {
		Exploration<Shared> exploration = Frontrun.explore(Shared::new).thread(first);
		for (int i = 1; i < n; i++) {
			exploration.thread(others);
		}
		return exploration;
	}

	@ParameterizedTest(name = "readers({0}) = {1}")
	@CsvSource({ "2, 4", "3, 8", "8, 256" })
	void readers(int n, long traces) {
		assertExactly(traces, exploreAll(threads(n + 1, Oracles::write42, Oracles::readX)));
		assertExactly(traces, exploreAll(threads(n + 1, Oracles::write42Volatile, Oracles::readVolatile)));
	}

	@ParameterizedTest(name = "inc({0}) = {1}")
	@CsvSource({ "2, 4", "3, 36", "4, 576" })
	void inc(int n, long traces) {
		assertExactly(traces, exploreAll(threads(n, Oracles::inc, Oracles::inc)));
		assertExactly(traces, exploreAll(threads(n, Oracles::incVolatile, Oracles::incVolatile)));
	}

	@ParameterizedTest(name = "ainc({0}) = {1}")
	@CsvSource({ "2, 2", "4, 24", "6, 720" })
	void ainc(int n, long traces) {
		assertExactly(traces, exploreAll(threads(n, Oracles::ainc, Oracles::ainc)));
	}

	@ParameterizedTest(name = "lockinc({0}) = {1}")
	@CsvSource({ "3, 6", "5, 120" })
	void lockinc(int n, long traces) {
		assertExactly(traces, exploreAll(threads(n, Oracles::syncInc, Oracles::syncInc)));
		assertExactly(traces, exploreAll(threads(n, Oracles::lockInc, Oracles::lockInc)));
	}

	@ParameterizedTest(name = "lockcounter = {0}")
	@CsvSource({ "6" })
	void lockcounter(long traces) {
		assertExactly(traces, exploreAll(threads(2, Oracles::lockCounter, Oracles::lockCounter)));
	}

	@ParameterizedTest(name = "lastzero({0}) = {1}")
	@CsvSource({ "4, 28", "5, 64", "10, 3328" })
	void lastzero(int n, long traces) {
		Exploration<LastZero> exploration = Frontrun.explore(() -> new LastZero(n)).thread(Oracles::lastZeroReader);
		for (int j = 1; j <= n; j++) {
			int writer = j;
			exploration.thread(s -> Oracles.lastZeroWriter(s, writer));
		}
		assertExactly(traces, exploreAll(exploration));
	}

	@ParameterizedTest(name = "indexer({0}) = {1}")
	@CsvSource({ "11, 1", "12, 8", "13, 64" })
	void indexer(int n, long traces) {
		Exploration<Table> exploration = Frontrun.explore(Table::new);
		for (int tid = 0; tid < n; tid++) {
			int id = tid;
			exploration.thread(t -> Oracles.indexer(t, id));
		}
		assertExactly(traces, exploreAll(exploration));
	}

	@ParameterizedTest(name = "philosophers(3) = {0}, one deadlock")
	@CsvSource({ "7" })
	void philosophers(long traces) {
		Exploration<Forks> exploration = Frontrun.explore(Forks::new);
		for (int i = 0; i < 3; i++) {
			int seat = i;
			exploration.thread(f -> Oracles.philosopher(f, seat));
		}
		ExplorationResult result = exploreAll(exploration);
		assertEquals(traces, result.executions(), result.explanation());
		assertEquals(1, result.failures().size(), result.explanation());
		assertTrue(result.explanation().startsWith("Deadlock detected"), result.explanation());
		assertTrue(result.explanation().contains("thread 0 holds forks[0] and waits for forks[1], held by thread 1"),
				result.explanation());
		assertEquals(10, result.reproductions(), result.explanation());
		System.out.println(result.explanation());
	}
}
