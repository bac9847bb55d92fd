package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.report.TestRunLog;
import example.markerexploration.BankAccount;
import example.markerexploration.Journal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Marker-schedule exploration on real threads, with the agent attached. */
class MarkerExplorationIT {

	/** The example, as written there. */
	private static MarkerExploration<BankAccount> twoTransfers() {
		return Frontrun.exploreMarkers(BankAccount::new)
				.thread("thread1", a -> a.transfer(50), "read_balance", "write_balance")
				.thread("thread2", a -> a.transfer(50), "read_balance", "write_balance")
				.invariant(a -> a.balance == 200);
	}

	// --- counts -------------------------------------------------------------------------------------------------

	@Test
	void twoThreadsOfTwoMarkersRunSixSchedules() {
		ExplorationResult result = Frontrun.exploreMarkers(Journal::new)
				.thread("a", j -> j.twoSteps("a"), "first", "second")
				.thread("b", j -> j.twoSteps("b"), "first", "second")
				.invariant(j -> j.entries.size() == 4).stopOnFirst(false).run();
		assertHoldsExhausted(result, 6);
	}

	@Test
	void threeThreadsOfTwoMarkersRunNinetySchedules() {
		ExplorationResult result = Frontrun.exploreMarkers(BankAccount::new)
				.thread("thread1", a -> a.transfer(50), "read_balance", "write_balance")
				.thread("thread2", a -> a.transfer(50), "read_balance", "write_balance")
				.thread("thread3", a -> a.transfer(50), "read_balance", "write_balance")
				.invariant(a -> a.balance >= 150 && a.balance <= 250).stopOnFirst(false).run();
		assertHoldsExhausted(result, 90);
	}

	@Test
	void twoThreadsOfThreeMarkersRunTwentySchedules() {
		ExplorationResult result = Frontrun.exploreMarkers(Journal::new)
				.thread("a", j -> j.threeSteps("a"), "first", "second", "third")
				.thread("b", j -> j.threeSteps("b"), "first", "second", "third")
				.invariant(j -> j.entries.size() == 6).stopOnFirst(false).run();
		assertHoldsExhausted(result, 20);
	}

	@Test
	void everyScheduleRunsOnceAndProducesItsOwnInterleaving() {
		List<List<String>> seen = new ArrayList<>();
		ExplorationResult result = Frontrun.exploreMarkers(Journal::new)
				.thread("a", j -> j.threeSteps("a"), "first", "second", "third")
				.thread("b", j -> j.threeSteps("b"), "first", "second", "third")
				.invariant(j -> seen.add(List.copyOf(j.entries))).run();
		assertHoldsExhausted(result, 20);
		assertEquals(20, seen.stream().distinct().count(), "20 different interleavings: " + seen);
	}

	// --- the lost update ------------------------------------------------------------------------------------------

	@Test
	void bothTransfersFindTheLostUpdateAtTheSecondSchedule() {
		MarkerExploration<BankAccount> exploration = twoTransfers();
		ExplorationResult result = exploration.run();
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertEquals(2, result.executions());
		assertFalse(result.exhausted(), "stopped at the first violation, 4 schedules left");
		assertEquals(1, result.failures().size());
		ExplorationResult.Failure failure = result.failures().get(0);
		assertEquals(2, failure.execution());
		assertEquals(List.of(0, 1, 0, 1), failure.schedule());
		Schedule schedule = exploration.scheduleOf(failure);
		assertEquals(Schedule.of(Step.of("thread1", "read_balance"), Step.of("thread2", "read_balance"),
				Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance")), schedule);
		assertContains(result.explanation(), "Race condition found after 2 of 6 marker schedules.",
				"Marker schedule 2 of 6:", "1. thread1  read_balance", "2. thread2  read_balance",
				"3. thread1  write_balance", "4. thread2  write_balance", "Invariant: the invariant returned false",
				"TraceExecutor", schedule.toJava());
	}

	/** The schedule below is pasted, character for character, from the explanation of the test above. */
	@Test
	void thePrintedSchedulePastedIntoATraceExecutorLosesTheUpdate() {
		String printed = twoTransfers().run().explanation();
		assertTrue(printed.contains("Schedule.of(Step.of(\"thread1\", \"read_balance\"), "
				+ "Step.of(\"thread2\", \"read_balance\"), Step.of(\"thread1\", \"write_balance\"), "
				+ "Step.of(\"thread2\", \"write_balance\"))"), printed);

		BankAccount account = new BankAccount();
		TraceExecutor executor = new TraceExecutor(
				Schedule.of(Step.of("thread1", "read_balance"), Step.of("thread2", "read_balance"), Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance")));
		executor.run("thread1", () -> account.transfer(50));
		executor.run("thread2", () -> account.transfer(50));
		executor.await(Duration.ofSeconds(5));
		assertEquals(150, account.balance);
	}

	@Test
	void withoutStopOnFirstEveryScheduleRunsAndEveryLostUpdateIsAFailure() {
		MarkerExploration<BankAccount> exploration = twoTransfers().stopOnFirst(false);
		ExplorationResult result = exploration.run();
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertEquals(6, result.executions());
		assertTrue(result.exhausted(), "every schedule ran");
		assertEquals(List.of(2L, 3L, 4L, 5L), result.failures().stream().map(ExplorationResult.Failure::execution)
				.toList());
		assertEquals(List.of(List.of(0, 1, 0, 1), List.of(0, 1, 1, 0), List.of(1, 0, 0, 1), List.of(1, 0, 1, 0)),
				result.failures().stream().map(ExplorationResult.Failure::schedule).toList());
		assertContains(result.explanation(), "4 of all 6 marker schedules failed.");
		for (ExplorationResult.Failure failure : result.failures()) {
			assertContains(failure.explanation(), exploration.scheduleOf(failure).toJava());
		}
	}

	@Test
	void theSerialSchedulesAloneHold() {
		ExplorationResult result = twoTransfers().maxExecutions(1).run();
		assertEquals(Verdict.INCONCLUSIVE, result.verdict());
		assertEquals(1, result.executions());
		assertFalse(result.exhausted());
		assertContains(result.explanation(), "Inconclusive after 1 of 6 marker schedules: maxExecutions 1 cut the "
				+ "search. No violation was found");
	}

	// --- errors ---------------------------------------------------------------------------------------------------

	@Test
	void aMistypedMarkerIsAClearErrorNamingTheThreadAndTheMarker() {
		ScheduleException error = assertThrows(ScheduleException.class, () -> Frontrun.exploreMarkers(
				BankAccount::new)
				.thread("thread1", a -> a.transfer(50), "read_balance", "write_balanse")
				.thread("thread2", a -> a.transfer(50), "read_balance", "write_balance").run());
		assertContains(error.getMessage(), "Marker exploration cannot follow marker schedule 1 of 6",
				"Step 2 of 4 (thread1, write_balanse) cannot run",
				"thread1 is waiting at marker 'write_balance', not 'write_balanse'", "Did you mean 'write_balance'?",
				"must be the markers that thread passes, in the order it passes them");
	}

	@Test
	void aMarkerThatIsNeverReachedIsAClearError() {
		ScheduleException error = assertThrows(ScheduleException.class, () -> Frontrun.exploreMarkers(
				BankAccount::new)
				.thread("thread1", a -> a.transfer(50), "read_balance", "write_balance", "read_balance")
				.thread("thread2", a -> a.transfer(50), "read_balance").run());
		assertContains(error.getMessage(), "Step 3 of 4 (thread1, read_balance) cannot run",
				"thread1 finished without reaching marker 'read_balance'",
				"It passed the markers [read_balance, write_balance]");
	}

	@Test
	void aThreadThatThrowsIsAViolationWithItsNameAndStack() {
		ExplorationResult result = Frontrun.exploreMarkers(BankAccount::new)
				.thread("thread1", a -> a.withdraw(60), "read_balance", "write_balance")
				.thread("thread2", a -> a.withdraw(60), "read_balance", "write_balance")
				.run();
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertEquals(1, result.executions(), "the serial schedule overdraws at once");
		assertContains(result.explanation(), "Thread thread2 threw in marker schedule 1 of 6",
				"java.lang.IllegalStateException: insufficient funds: 40 < 60",
				"at example.markerexploration.BankAccount.withdraw(BankAccount.java:",
				"Schedule.of(Step.of(\"thread1\", \"read_balance\"), Step.of(\"thread1\", \"write_balance\"), "
						+ "Step.of(\"thread2\", \"read_balance\"), Step.of(\"thread2\", \"write_balance\"))");
	}

	@Test
	void anInvariantThatThrowsIsAViolationWithItsMessage() {
		ExplorationResult result = Frontrun.exploreMarkers(BankAccount::new)
				.thread("thread1", a -> a.transfer(50), "read_balance", "write_balance")
				.invariant(a -> {
					throw new IllegalStateException("the ledger is closed");
				}).run();
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertEquals(1, result.executions());
		assertTrue(result.exhausted(), "the only schedule ran");
		assertContains(result.explanation(),
				"Invariant: the invariant threw java.lang.IllegalStateException: the ledger is closed");
	}

	@Test
	void anInvariantAssertionIsAViolationWithItsMessage() {
		ExplorationResult result = twoTransfers().invariant(a -> {
			assertEquals(200, a.balance, "balance after both transfers");
			return true;
		}).run();
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertContains(result.explanation(), "Invariant: the invariant failed:",
				"balance after both transfers ==> expected: <200> but was: <150>");
	}

	@Test
	void anExecutionThatDoesNotFinishInTimeMakesTheResultInconclusive() {
		ExplorationResult result = Frontrun.exploreMarkers(BankAccount::new)
				.thread("sleeper", a -> {
					try {
						a.slowTransfer(50, 2_000);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}, "slow_write").timeoutPerExecution(Duration.ofMillis(200)).run();
		assertEquals(Verdict.INCONCLUSIVE, result.verdict());
		assertFalse(result.exhausted());
		assertContains(result.explanation(), "Inconclusive after 1 of 1 marker schedules",
				"marker schedule 1 of 1 did not finish within 200 ms",
				"sleeper: running, at example.markerexploration.BankAccount.slowTransfer");
	}

	@Test
	void schedulesTheLocksForbidAreSkippedAndNamed() {
		ExplorationResult result = Frontrun.exploreMarkers(BankAccount::new)
				.thread("thread1", a -> a.lockedTransfer(50), "enter", "locked_read")
				.thread("thread2", a -> a.lockedTransfer(50), "enter", "locked_read")
				.invariant(a -> a.balance == 200).stopOnFirst(false).run();
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertTrue(result.exhausted());
		assertEquals(6, result.executions());
		assertContains(result.explanation(), "The invariant held in all 2 marker schedules that can run",
				"4 marker schedules could not run: a thread blocked on a lock held by a thread waiting at a marker",
				"The first was marker schedule 2 of 6");
	}

	@Test
	void whenEveryScheduleIsForbiddenByTheLocksTheResultIsInconclusive() {
		ExplorationResult result = Frontrun.exploreMarkers(example.markers.Workloads::new)
				.thread("holder", example.markers.Workloads::lockedIncrement, "locked_read")
				.thread("other", example.markers.Workloads::lockedIncrement, "locked_read").run();
		assertEquals(Verdict.INCONCLUSIVE, result.verdict(), result.explanation());
		assertEquals(2, result.executions());
		assertFalse(result.exhausted(), "nothing ran to the end");
		assertContains(result.explanation(), "Inconclusive: none of the 2 marker schedules could run to the end.",
				"2 marker schedules could not run");
	}

	// --- determinism, options, records ----------------------------------------------------------------------------

	@Test
	void theSchedulesRunInTheSameOrderEveryTimeAndAsListed() {
		List<List<List<String>>> runs = new ArrayList<>();
		for (int run = 0; run < 3; run++) {
			List<List<String>> seen = new ArrayList<>();
			Frontrun.exploreMarkers(Journal::new)
					.thread("a", j -> j.twoSteps("a"), "first", "second")
					.thread("b", j -> j.twoSteps("b"), "first", "second")
					.thread("c", j -> j.twoSteps("c"), "first", "second")
					.invariant(j -> seen.add(List.copyOf(j.entries))).run();
			runs.add(seen);
		}
		assertEquals(runs.get(0), runs.get(1));
		assertEquals(runs.get(0), runs.get(2));

		List<List<String>> listed = new ArrayList<>();
		for (Schedule schedule : Frontrun.exploreMarkers(Journal::new)
				.thread("a", j -> j.twoSteps("a"), "first", "second")
				.thread("b", j -> j.twoSteps("b"), "first", "second")
				.thread("c", j -> j.twoSteps("c"), "first", "second").schedules()) {
			listed.add(schedule.steps().stream().map(step -> step.thread() + ":" + step.marker()).toList());
		}
		assertEquals(listed, runs.get(0), "each schedule's interleaving, in the listed order");
	}

	@Test
	void theExplanationIsTheSameEveryRun() {
		assertEquals(twoTransfers().run().explanation(), twoTransfers().run().explanation());
	}

	@Test
	void aLoopPassesTheSameMarkerOncePerIteration() {
		ExplorationResult result = Frontrun.exploreMarkers(example.markers.Workloads::new)
				.thread("x", w -> w.loop("x", 2), "step", "step")
				.thread("y", w -> w.loop("y", 1), "step")
				.invariant(w -> w.log.size() == 3).run();
		assertHoldsExhausted(result, 3);
	}

	@Test
	void withoutThreadsRunSaysHowToAddThem() {
		IllegalStateException error = assertThrows(IllegalStateException.class,
				() -> Frontrun.exploreMarkers(BankAccount::new).run());
		assertContains(error.getMessage(), ".thread(name, body, markers...)");
	}

	@Test
	void theRunIsRecordedInTheTestsReportLog() {
		TestRunLog.open();
		twoTransfers().stopOnFirst(false).run();
		Map<String, String> entries = TestRunLog.close();
		assertEquals("marker-exploration", entries.get(TestRunLog.APPROACH));
		assertEquals("6", entries.get(TestRunLog.EXECUTIONS));
		assertEquals("VIOLATED", entries.get(TestRunLog.VERDICT));
		assertContains(entries.get(TestRunLog.EXPLANATION), "Race condition found after 2 of 6 marker schedules.");
	}

	@Test
	void aScheduleErrorIsRecordedInTheTestsReportLog() {
		TestRunLog.open();
		assertThrows(ScheduleException.class, () -> Frontrun.exploreMarkers(BankAccount::new)
				.thread("thread1", a -> a.transfer(50), "no_such_marker").run());
		Map<String, String> entries = TestRunLog.close();
		assertEquals("marker-exploration", entries.get(TestRunLog.APPROACH));
		assertEquals("INCONCLUSIVE", entries.get(TestRunLog.VERDICT));
		assertContains(entries.get(TestRunLog.EXPLANATION), "no_such_marker");
	}

	private static void assertHoldsExhausted(ExplorationResult result, long schedules) {
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertTrue(result.exhausted(), result.explanation());
		assertEquals(schedules, result.executions());
		assertTrue(result.failures().isEmpty());
		assertContains(result.explanation(), "The invariant held in all " + schedules + " marker schedules");
	}

	private static void assertContains(String text, String... parts) {
		for (String part : parts) {
			assertTrue(text.contains(part), () -> "expected «" + part + "» in:\n" + text);
		}
	}
}
