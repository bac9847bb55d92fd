package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.engine.ExecutionReport.Outcome;
import org.junit.jupiter.api.Test;

/** A thread waiting to be notified is disabled, and what it does once notified happens after the notification. */
class WaitNotifyTest {

	private static final Resource MONITOR = new Resource("monitor", 1);
	private static final Resource WAIT_SET = new Resource("wait-set", 1);

	private final DporExplorer explorer = new DporExplorer(ExplorerOptions.defaults());

	/** Runs the chosen thread's announced operation, asserting which thread was chosen. */
	private void run(int expected, Operation operation) {
		assertEquals(expected, explorer.nextThread().getAsInt());
		explorer.executed(expected, operation);
	}

	@Test
	void aWaiterRunsOnlyOnceNotifiedAndItsReacquisitionDoesNotRaceWithTheNotifier() {
		explorer.beginExecution();
		explorer.started(0);
		explorer.started(1);
		explorer.announce(0, Operation.acquire(MONITOR));
		explorer.announce(1, Operation.acquire(MONITOR));
		run(0, Operation.acquire(MONITOR));
		explorer.announce(0, Operation.write(WAIT_SET));
		run(0, Operation.write(WAIT_SET));
		explorer.announce(0, Operation.release(MONITOR));
		run(0, Operation.release(MONITOR));
		explorer.announce(0, Operation.awaitNotify(WAIT_SET));
		run(1, Operation.acquire(MONITOR));
		explorer.announce(1, Operation.write(WAIT_SET));
		run(1, Operation.write(WAIT_SET));
		explorer.notified(1, 0, Operation.acquire(MONITOR));
		explorer.announce(1, Operation.release(MONITOR));
		run(1, Operation.release(MONITOR));
		explorer.finished(1);
		run(0, Operation.acquire(MONITOR));
		explorer.announce(0, Operation.release(MONITOR));
		run(0, Operation.release(MONITOR));
		explorer.finished(0);
		ExecutionReport report = explorer.endExecution();
		assertEquals(Outcome.COMPLETED, report.outcome());
		assertTrue(report.races().stream().noneMatch(race -> race.later().index() == 6),
				"the reacquisition after the notification races with nothing: " + report.races());
	}

	@Test
	void aWaiterNobodyNotifiesIsReportedBlockedWithNoBlocker() {
		explorer.beginExecution();
		explorer.started(0);
		explorer.announce(0, Operation.awaitNotify(WAIT_SET));
		assertTrue(explorer.nextThread().isEmpty());
		ExecutionReport report = explorer.endExecution();
		assertEquals(Outcome.DEADLOCKED, report.outcome());
		assertEquals(new BlockedThread(0, Operation.awaitNotify(WAIT_SET), -1), report.blocked().get(0));
	}

	@Test
	void onlyAWaitingThreadCanBeNotified() {
		explorer.beginExecution();
		explorer.started(0);
		explorer.started(1);
		explorer.announce(0, Operation.read(WAIT_SET));
		explorer.announce(1, Operation.write(WAIT_SET));
		assertThrows(IllegalStateException.class, () -> explorer.notified(1, 0, Operation.acquire(MONITOR)));
	}
}
