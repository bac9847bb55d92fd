package dev.frontrun.internal.engine;

import static dev.frontrun.internal.engine.Programs.cell;
import static dev.frontrun.internal.engine.Programs.lock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.internal.engine.ExecutionReport.Outcome;
import dev.frontrun.internal.engine.Simulation.Exploration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each execution's report says: the races between its steps, and who waits for whom in a deadlock. */
class ReportsTest {

	@Test
	void reportsTheRaceOfALostUpdate() {
		ExecutionReport first = Simulation.explore(Programs.inc(2)).reports().get(0);
		assertEquals(List.of(new Race(new Step(1, 0, Operation.write(cell(0))), new Step(2, 1, Operation.read(cell(0))))),
				first.races(), "the read of thread 1 races with the write of thread 0; nothing else races directly");
	}

	@Test
	void reportsRacesBetweenLockAcquisitions() {
		ExecutionReport first = Simulation.explore(Programs.lockInc(2)).reports().get(0);
		assertEquals(List.of(new Race(new Step(0, 0, Operation.acquire(lock(0))),
				new Step(4, 1, Operation.acquire(lock(0))))), first.races(),
				"the accesses inside the critical sections are ordered by the lock, so only the acquisitions race");
	}

	@Test
	void reportsTheCycleOfDeadlockedPhilosophers() {
		Exploration exploration = Simulation.explore(Programs.philosophers(3));
		assertEquals(1, exploration.deadlocks());
		ExecutionReport deadlock = exploration.reports().stream()
				.filter(report -> report.outcome() == Outcome.DEADLOCKED).findFirst().orElseThrow();
		assertEquals(List.of(
				new BlockedThread(0, Operation.acquire(lock(1)), 1),
				new BlockedThread(1, Operation.acquire(lock(2)), 2),
				new BlockedThread(2, Operation.acquire(lock(0)), 0)), deadlock.blocked());
		assertEquals(3, deadlock.schedule().size(), "each philosopher holds its left fork");
	}

	@Test
	void reportsAThreadWaitingForALockNobodyWillRelease() {
		Exploration exploration = Simulation.explore(Programs.lockHeldAtExit());
		assertEquals(List.of(Outcome.COMPLETED, Outcome.DEADLOCKED), exploration.reports().stream()
				.map(ExecutionReport::outcome).sorted().toList());
		ExecutionReport stuck = exploration.reports().stream()
				.filter(report -> report.outcome() == Outcome.DEADLOCKED).findFirst().orElseThrow();
		assertEquals(List.of(new BlockedThread(1, Operation.acquire(lock(0)), 0)), stuck.blocked());
	}

	@Test
	void reportsAJoinInADeadlock() {
		Program program = new Program("join while holding the lock the joined thread needs", machine -> {
			machine.add(Programs.straightLine(Action.acquire(lock(0)), Action.join(1), Action.release(lock(0))));
			machine.add(Programs.straightLine(Action.acquire(lock(0)), Action.release(lock(0))));
		});
		Exploration exploration = Simulation.explore(program);
		assertEquals(2, exploration.executions());
		assertEquals(AllInterleavings.traces(program).size(), exploration.executions());
		ExecutionReport deadlock = exploration.reports().stream()
				.filter(report -> report.outcome() == Outcome.DEADLOCKED).findFirst().orElseThrow();
		assertEquals(List.of(new BlockedThread(0, Operation.join(1), 1),
				new BlockedThread(1, Operation.acquire(lock(0)), 0)), deadlock.blocked());
	}

	@Test
	void numbersTheExecutions() {
		List<Long> numbers = Simulation.explore(Programs.atomicInc(3)).reports().stream()
				.map(ExecutionReport::number).toList();
		assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), numbers);
	}
}
