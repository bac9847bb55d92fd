package dev.frontrun.internal.engine;

import static dev.frontrun.internal.engine.Programs.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.engine.ExecutionReport.Outcome;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the engine answers a runtime that breaks its protocol, a program that does not repeat itself, or an early end. */
class ProtocolTest {

	private final DporExplorer explorer = new DporExplorer(ExplorerOptions.defaults());

	@Test
	void refusesToChooseBeforeEveryRunningThreadHasAnnounced() {
		explorer.beginExecution();
		explorer.started(0);
		explorer.started(1);
		explorer.announce(0, Operation.read(cell(0)));
		IllegalStateException error = assertThrows(IllegalStateException.class, explorer::nextThread);
		assertEquals("Thread 1 is running but has neither announced its next operation nor finished",
				error.getMessage());
	}

	@Test
	void refusesAnOperationFromAThreadItDidNotChoose() {
		explorer.beginExecution();
		explorer.started(0);
		explorer.started(1);
		explorer.announce(0, Operation.read(cell(0)));
		explorer.announce(1, Operation.read(cell(0)));
		assertEquals(0, explorer.nextThread().getAsInt());
		assertThrows(IllegalStateException.class, () -> explorer.executed(1, Operation.read(cell(0))));
		assertThrows(IllegalStateException.class, () -> explorer.announce(1, Operation.write(cell(0))),
				"nothing happens between a choice and its operation");
		assertThrows(IllegalStateException.class, explorer::endExecution);
	}

	@Test
	void refusesAPerformedOperationItsAnnouncementDoesNotCover() {
		explorer.beginExecution();
		explorer.started(0);
		explorer.announce(0, Operation.read(cell(0)));
		explorer.nextThread();
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> explorer.executed(0, Operation.write(cell(0))));
		assertTrue(error.getMessage().startsWith("Thread 0 announced read cell#0 but performed write cell#0"),
				error.getMessage());
	}

	@Test
	void refusesCallsOutOfOrder() {
		assertThrows(IllegalStateException.class, () -> explorer.started(0), "no execution has begun");
		explorer.beginExecution();
		assertThrows(IllegalStateException.class, explorer::beginExecution);
		explorer.started(0);
		assertThrows(IllegalStateException.class, () -> explorer.started(0));
		assertThrows(IllegalStateException.class, () -> explorer.spawned(3, 4), "thread 3 is not running");
		explorer.announce(0, Operation.write(cell(0)));
		assertThrows(IllegalStateException.class, () -> explorer.announce(0, Operation.write(cell(1))));
		assertThrows(IllegalStateException.class, () -> explorer.finished(0), "its operation is still pending");
	}

	@Test
	void detectsAProgramThatDoesNotRepeatItself() {
		AtomicInteger executions = new AtomicInteger();
		Program drifting = new Program("drifting", machine -> {
			int generation = executions.incrementAndGet();
			machine.add(Programs.straightLine(Action.write(cell(100 + generation), () -> 1),
					Action.write(cell(0), () -> 1)));
			machine.add(Programs.straightLine(Action.write(cell(0), () -> 2)));
		});
		assertThrows(ReplayDivergenceException.class, () -> Simulation.explore(drifting));
	}

	@Test
	void anExecutionEndedEarlyLeavesTheSearchNotExhausted() {
		Program program = Programs.inc(2);
		assertTrue(explorer.beginExecution());
		Machine machine = program.load();
		explorer.started(0);
		explorer.started(1);
		machine.start(new Machine.Listener() {

			@Override
			public void spawned(int parent, int child) {
			}

			@Override
			public void announced(int thread, Operation operation) {
				explorer.announce(thread, operation);
			}

			@Override
			public void finished(int thread) {
			}
		});
		int first = explorer.nextThread().getAsInt();
		explorer.executed(first, machine.perform(first));
		assertEquals(Outcome.ABANDONED, explorer.endExecution().outcome());
		while (explorer.beginExecution()) {
			Simulation.runOne(explorer, program);
		}
		assertFalse(explorer.exhausted());
	}
}
