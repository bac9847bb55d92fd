package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.engine.Simulation.Exploration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the engine with brute force on small programs: the traces it explores are exactly the distinct traces of
 * all interleavings, each once.
 */
class TraceCoverageTest {

	static Stream<Program> smallPrograms() {
		return Stream.of(
				Programs.readers(3),
				Programs.lastZero(3),
				Programs.inc(2),
				Programs.inc(3),
				Programs.atomicInc(3),
				Programs.casRotation(3),
				Programs.casRotation(4),
				Programs.smallIndexer(),
				Programs.lockInc(3),
				Programs.reentrantLockInc(3),
				Programs.lockCounter(),
				Programs.philosophers(3),
				Programs.opposedLocks(),
				Programs.lockHeldAtExit(),
				Programs.spawnIncrements(2, true),
				Programs.spawnIncrements(2, false),
				Programs.writeThenSpawnReader(),
				Programs.sharedReaders(3),
				Programs.readersAndWriters(2, 1),
				Programs.readersAndWriters(1, 2),
				Programs.readersAndWriters(2, 2),
				Programs.updatesUnderReadLock(),
				Programs.downgrade(),
				Programs.readerWriterDeadlock(),
				Programs.repeatedReaders(),
				Programs.downgradeAndWriter(false),
				Programs.downgradeAndWriter(true),
				Programs.downgradeHeldAtExit());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("smallPrograms")
	void exploresEveryTraceOfEveryInterleavingOnce(Program program) {
		Exploration exploration = Simulation.explore(program);
		List<String> explored = exploration.fingerprints();
		Set<String> distinct = new HashSet<>(explored);
		assertEquals(explored.size(), distinct.size(), "no trace explored twice");
		assertEquals(AllInterleavings.traces(program), distinct);
		assertTrue(exploration.exhausted());
	}

	static Stream<Arguments> moreOracles() {
		return Stream.of(
				Arguments.of(Programs.casRotation(2), 2),
				Arguments.of(Programs.casRotation(3), 5),
				Arguments.of(Programs.casRotation(4), 14),
				Arguments.of(Programs.casRotation(5), 43),
				Arguments.of(Programs.opposedLocks(), 3),
				Arguments.of(Programs.reentrantLockInc(4), 24),
				Arguments.of(Programs.spawnIncrements(2, true), 4),
				Arguments.of(Programs.spawnIncrements(3, true), 36),
				Arguments.of(Programs.writeThenSpawnReader(), 1),
				Arguments.of(Programs.sharedReaders(2), 1),
				Arguments.of(Programs.sharedReaders(4), 1),
				Arguments.of(Programs.readersAndWriters(0, 4), 24),
				Arguments.of(Programs.readersAndWriters(2, 1), 4),
				Arguments.of(Programs.readersAndWriters(3, 1), 8));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("moreOracles")
	void matchesFurtherKnownCounts(Program program, int traces) {
		Exploration exploration = Simulation.explore(program);
		assertEquals(traces, exploration.executions());
		assertTrue(exploration.exhausted());
	}
}
