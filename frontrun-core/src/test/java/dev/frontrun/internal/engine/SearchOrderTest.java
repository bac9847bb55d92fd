package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.engine.Simulation.Exploration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search orders change which traces come first, never how many: since wakeup-tree branches keep their order, every
 * order explores exactly one execution per trace. And the same options always give the same schedules.
 */
class SearchOrderTest {

	private static final List<String> ORDERS = List.of("dfs", "bit-reversal", "bit-reversal:5", "round-robin:1",
			"stride:3", "conflict-first", "conflict-first:2");

	static Stream<Arguments> ordersAndOracles() {
		return ORDERS.stream().filter(order -> !order.equals("dfs"))
				.flatMap(order -> OracleCountsTest.oracles().map(oracle -> Arguments.of(order, oracle.get()[0],
						oracle.get()[1])));
	}

	@ParameterizedTest(name = "{0}: {1} = {2}")
	@MethodSource("ordersAndOracles")
	void everyOrderExploresEachTraceExactlyOnce(String order, Program program, int traces) {
		Exploration exploration = Simulation.explore(program, ExplorerOptions.defaults()
				.withSearchOrder(SearchOrder.parse(order)));
		assertEquals(traces, exploration.executions());
		assertEquals(traces, new HashSet<>(exploration.fingerprints()).size());
		assertTrue(exploration.exhausted());
	}

	@ParameterizedTest
	@ValueSource(strings = {"dfs", "bit-reversal:3", "round-robin:2", "stride:4", "conflict-first:1"})
	void theSameOptionsGiveTheSameSchedules(String order) {
		ExplorerOptions options = ExplorerOptions.defaults().withSearchOrder(SearchOrder.parse(order));
		for (Program program : List.of(Programs.lastZero(5), Programs.indexer(12), Programs.philosophers(3),
				Programs.spawnIncrements(3, false))) {
			Exploration first = Simulation.explore(program, options);
			Exploration second = Simulation.explore(program, options);
			assertEquals(first.reports(), second.reports(), program.name());
		}
	}

	@Test
	void dfsRunsEachThreadOnWhileItCan() {
		List<Step> first = Simulation.explore(Programs.inc(3)).schedules().get(0);
		assertEquals(List.of(0, 0, 1, 1, 2, 2), first.stream().map(Step::thread).toList());
	}

	@Test
	void otherOrdersStartElsewhere() {
		List<List<Integer>> firstSchedules = ORDERS.stream()
				.map(order -> Simulation.explore(Programs.readers(8), ExplorerOptions.defaults()
						.withSearchOrder(SearchOrder.parse(order))).schedules().get(0).stream().map(Step::thread).toList())
				.toList();
		assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), firstSchedules.get(0));
		assertNotEquals(firstSchedules.get(0), firstSchedules.get(ORDERS.indexOf("round-robin:1")));
		assertNotEquals(firstSchedules.get(ORDERS.indexOf("bit-reversal")),
				firstSchedules.get(ORDERS.indexOf("bit-reversal:5")), "the seed matters");
		assertNotEquals(firstSchedules.get(0), firstSchedules.get(ORDERS.indexOf("stride:3")));
	}

	@Test
	void conflictFirstPrefersThreadsWhoseOperationsConflict() {
		Program program = new Program("one thread apart", machine -> {
			machine.add(Programs.straightLine(Action.write(Programs.cell(9), () -> 1)));
			machine.add(Programs.straightLine(Action.write(Programs.cell(0), () -> 1)));
			machine.add(Programs.straightLine(Action.read(Programs.cell(0), value -> { })));
		});
		List<Step> first = Simulation.explore(program, ExplorerOptions.defaults()
				.withSearchOrder(SearchOrder.parse("conflict-first"))).schedules().get(0);
		assertEquals(1, first.get(0).thread(), "thread 0 touches nothing the others do; dfs would start with it");
	}
}
