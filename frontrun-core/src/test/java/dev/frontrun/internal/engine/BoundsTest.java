package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.engine.Simulation.Exploration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A preemption bound or a limit on executions explores less, and then the search is not exhausted. */
class BoundsTest {

	static Stream<Arguments> programsAndBounds() {
		return Stream.of(Programs.inc(3), Programs.lastZero(5), Programs.philosophers(3), Programs.indexer(12),
				Programs.opposedLocks()).flatMap(program -> Stream.of(0, 1, 2, 3).map(bound -> Arguments.of(program,
						bound)));
	}

	@ParameterizedTest(name = "{0}, bound {1}")
	@MethodSource("programsAndBounds")
	void boundedSchedulesStayWithinTheBoundAndAreDistinctTraces(Program program, int bound) {
		Exploration exploration = Simulation.explore(program, ExplorerOptions.defaults().withPreemptionBound(bound));
		for (List<Step> schedule : exploration.schedules()) {
			assertTrue(Preemptions.of(program, schedule) <= bound, schedule::toString);
		}
		assertEquals(exploration.executions(), new HashSet<>(exploration.fingerprints()).size());
	}

	@Test
	void aBoundThatCutsSomethingLeavesTheSearchNotExhausted() {
		Exploration none = Simulation.explore(Programs.inc(3), ExplorerOptions.defaults().withPreemptionBound(0));
		assertEquals(1, none.executions());
		assertFalse(none.exhausted());
		Exploration one = Simulation.explore(Programs.inc(3), ExplorerOptions.defaults().withPreemptionBound(1));
		assertTrue(one.executions() > 1 && one.executions() < 36, () -> one.executions() + " executions");
		assertFalse(one.exhausted());
	}

	@Test
	void aBoundThatCutsNothingKeepsTheSearchExhausted() {
		Exploration inc = Simulation.explore(Programs.inc(3), ExplorerOptions.defaults().withPreemptionBound(3));
		assertEquals(36, inc.executions());
		assertTrue(inc.exhausted());
		Exploration locked = Simulation.explore(Programs.lockInc(3), ExplorerOptions.defaults().withPreemptionBound(0));
		assertEquals(6, locked.executions(), "critical sections can be ordered without preempting anyone");
		assertTrue(locked.exhausted());
		Exploration readers = Simulation.explore(Programs.readers(3), ExplorerOptions.defaults().withPreemptionBound(0));
		assertEquals(8, readers.executions(), "a thread with one operation is never preempted");
		assertTrue(readers.exhausted());
	}

	@Test
	void theLimitOnExecutionsStopsTheSearch() {
		Exploration cut = Simulation.explore(Programs.lastZero(5), ExplorerOptions.defaults().withMaxExecutions(10));
		assertEquals(10, cut.executions());
		assertFalse(cut.exhausted());
		Exploration oneShort = Simulation.explore(Programs.lastZero(5), ExplorerOptions.defaults().withMaxExecutions(63));
		assertFalse(oneShort.exhausted());
		Exploration enough = Simulation.explore(Programs.lastZero(5), ExplorerOptions.defaults().withMaxExecutions(64));
		assertEquals(64, enough.executions());
		assertTrue(enough.exhausted());
	}

	@Test
	void theFirstExecutionsDoNotDependOnTheLimit() {
		Exploration cut = Simulation.explore(Programs.indexer(13), ExplorerOptions.defaults().withMaxExecutions(5));
		Exploration all = Simulation.explore(Programs.indexer(13));
		assertEquals(all.reports().subList(0, 5), cut.reports());
	}
}
