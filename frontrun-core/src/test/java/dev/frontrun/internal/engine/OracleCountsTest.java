package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.engine.Simulation.Exploration;
import java.util.HashSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact execution counts of {@code shared/oracles/README.md}: one execution per trace, every trace explored. */
class OracleCountsTest {

	static Stream<Arguments> oracles() {
		return Stream.of(
				Arguments.of(Programs.readers(2), 4),
				Arguments.of(Programs.readers(3), 8),
				Arguments.of(Programs.readers(8), 256),
				Arguments.of(Programs.lastZero(4), 28),
				Arguments.of(Programs.lastZero(5), 64),
				Arguments.of(Programs.lastZero(10), 3328),
				Arguments.of(Programs.inc(2), 4),
				Arguments.of(Programs.inc(3), 36),
				Arguments.of(Programs.inc(4), 576),
				Arguments.of(Programs.atomicInc(2), 2),
				Arguments.of(Programs.atomicInc(4), 24),
				Arguments.of(Programs.atomicInc(6), 720),
				Arguments.of(Programs.lockInc(3), 6),
				Arguments.of(Programs.lockInc(5), 120),
				Arguments.of(Programs.lockCounter(), 6),
				Arguments.of(Programs.indexer(1), 1),
				Arguments.of(Programs.indexer(6), 1),
				Arguments.of(Programs.indexer(11), 1),
				Arguments.of(Programs.indexer(12), 8),
				Arguments.of(Programs.indexer(13), 64),
				Arguments.of(Programs.philosophers(3), 7));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("oracles")
	void exploresEachTraceExactlyOnce(Program program, int traces) {
		Exploration exploration = Simulation.explore(program);
		assertEquals(traces, exploration.executions());
		assertTrue(exploration.exhausted());
		assertEquals(traces, new HashSet<>(exploration.fingerprints()).size(), "every execution is a distinct trace");
	}
}
