package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.bank.BankAccount;
import example.markers.Counter;
import example.markers.Workloads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Trace markers gating real threads, with the agent attached. */
class TraceExecutorIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Schedule INTERLEAVED = Schedule.of(Step.of("thread1", "read_balance"),
			Step.of("thread2", "read_balance"), Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance"));

	private static final Schedule SERIAL = Schedule.of(Step.of("thread1", "read_balance"),
			Step.of("thread1", "write_balance"), Step.of("thread2", "read_balance"), Step.of("thread2", "write_balance"));

	private static int transferTwice(Schedule schedule) {
		BankAccount account = new BankAccount(100);
		TraceExecutor executor = new TraceExecutor(schedule);
		executor.run("thread1", () -> account.transfer(50));
		executor.run("thread2", () -> account.transfer(50));
		executor.await(TIMEOUT);
		return account.balance;
	}

	@RepeatedTest(20)
	void theInterleavedScheduleLosesAnUpdateEveryTime() {
		assertEquals(150, transferTwice(INTERLEAVED));
	}

	@RepeatedTest(20)
	void theSerialScheduleLosesNothingEveryTime() {
		assertEquals(200, transferTwice(SERIAL));
	}

	@Test
	void markersAloneOnALineGateTheNextStatement() {
		Counter counter = new Counter();
		TraceExecutor executor = new TraceExecutor(Schedule.of(Step.of("a", "read_value"), Step.of("b", "read_value"),
				Step.of("a", "write_value"), Step.of("b", "write_value")));
		executor.run("a", counter::increment);
		executor.run("b", counter::increment);
		executor.await(TIMEOUT);
		assertEquals(1, counter.value);
	}

	@Test
	void aMarkerHitInALoopIsAStepEachTime() {
		Workloads workloads = new Workloads();
		TraceExecutor executor = new TraceExecutor(Schedule.of(Step.of("x", "step"), Step.of("y", "step"),
				Step.of("y", "step"), Step.of("x", "step"), Step.of("y", "step"), Step.of("x", "step")));
		executor.run("x", () -> workloads.loop("x", 3));
		executor.run("y", () -> workloads.loop("y", 3));
		executor.await(TIMEOUT);
		assertEquals(List.of("x0", "y0", "y1", "x1", "y2", "x2"), workloads.log);
	}

	@Test
	void theApiMarkerGatesLikeAComment() {
		Workloads workloads = new Workloads();
		TraceExecutor executor = new TraceExecutor(Schedule.of(Step.of("second", "api_marker"),
				Step.of("first", "api_marker")));
		executor.run("first", workloads::fakeAndApiMarkers);
		executor.run("second", () -> {
			workloads.log.add("second");
			workloads.fakeAndApiMarkers();
		});
		executor.await(TIMEOUT);
		assertEquals(List.of("second", "// frontrun: not_a_marker", "// frontrun: not_a_marker"), workloads.log);
	}

	@Test
	void afterTheLastStepThreadsRunFreely() {
		Workloads workloads = new Workloads();
		TraceExecutor executor = new TraceExecutor(Schedule.of(Step.of("x", "step")));
		executor.run("x", () -> workloads.loop("x", 3));
		executor.run("y", () -> workloads.loop("y", 2));
		executor.await(TIMEOUT);
		assertEquals(5, workloads.log.size());
	}

	@Test
	void aMistypedMarkerNameFailsNamingTheStepAndTheLikelyName() {
		ScheduleException error = assertThrows(ScheduleException.class, () -> transferTwice(Schedule.of(
				Step.of("thread1", "read_balance"), Step.of("thread1", "write_balanse"))));
		assertContains(error, "Step 2 of 2 (thread1, write_balanse) cannot run",
				"thread1 is waiting at marker 'write_balance', not 'write_balanse'", "Did you mean 'write_balance'?",
				"It passed the markers [read_balance]");
	}

	@Test
	void aScheduleErrorIsThrownFromTheAwaitingThread() {
		ScheduleException error = assertThrows(ScheduleException.class,
				() -> transferTwice(Schedule.of(Step.of("thread1", "write_balance"))));
		assertTrue(java.util.Arrays.stream(error.getStackTrace())
				.anyMatch(frame -> frame.getMethodName().equals("transferTwice")), "stack of the test's thread");
	}

	@Test
	void aThreadThatFinishesBeforeItsStepFailsNamingTheMarkersItPassed() {
		ScheduleException error = assertThrows(ScheduleException.class, () -> transferTwice(Schedule.of(
				Step.of("thread1", "read_balance"), Step.of("thread1", "write_balance"),
				Step.of("thread1", "read_balance"))));
		assertContains(error, "Step 3 of 3 (thread1, read_balance) cannot run",
				"thread1 finished without reaching marker 'read_balance'",
				"It passed the markers [read_balance, write_balance]");
	}

	@Test
	void aMarkerNoSourceDeclaresIsReportedWithTheMarkersThatExist() {
		ScheduleException error = assertThrows(ScheduleException.class,
				() -> transferTwice(Schedule.of(Step.of("thread1", "no_such_marker"))));
		assertContains(error, "Step 1 of 1 (thread1, no_such_marker) cannot run",
				"Markers are read from the source roots (frontrun.sourceRoots)", "the markers found so far are [",
				"read_balance", "write_balance");
	}

	@Test
	void aThreadNameThatWasNeverAddedFailsBeforeAnythingRuns() {
		ScheduleException error = assertThrows(ScheduleException.class, () -> transferTwice(Schedule.of(
				Step.of("thread1", "read_balance"), Step.of("thread3", "read_balance"))));
		assertContains(error, "Step 2 of 2 (thread3, read_balance) names thread 'thread3'", "thread1, thread2",
				"Did you mean 'thread1'?");
	}

	@Test
	void aThreadWaitingAtAnotherMarkerThanItsStepFailsAtOnce() {
		ScheduleException error = assertThrows(ScheduleException.class,
				() -> transferTwice(Schedule.of(Step.of("thread1", "write_balance"))));
		assertContains(error, "Step 1 of 1 (thread1, write_balance) cannot run",
				"thread1 is waiting at marker 'read_balance'", "thread2: waiting at marker 'read_balance'");
	}

	@Test
	void aThreadBlockedOnALockHeldByAWaitingThreadIsReported() {
		Workloads workloads = new Workloads();
		TraceExecutor executor = new TraceExecutor(Schedule.of(Step.of("holder", "locked_read"),
				Step.of("blocked", "locked_read")));
		executor.run("holder", workloads::lockedIncrement);
		executor.run("blocked", workloads::lockedIncrement);
		long start = System.nanoTime();
		ScheduleException error = assertThrows(ScheduleException.class, () -> executor.await(Duration.ofSeconds(30)));
		assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
				"detected long before the timeout");
		assertContains(error, "blocked is blocked at example.markers.Workloads.lockedIncrement",
				"held by holder, which waits at marker 'locked_read'");
	}

	@Test
	void aScheduleThatDoesNotFinishInTimeSaysWhereEachThreadIs() {
		Workloads workloads = new Workloads();
		TraceExecutor executor = new TraceExecutor(Schedule.of(Step.of("spinner", "after_spin")));
		executor.run("spinner", () -> {
			try {
				workloads.spin();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		ScheduleException error = assertThrows(ScheduleException.class, () -> executor.await(Duration.ofMillis(300)));
		assertContains(error, "did not finish within 300 ms", "Step 1 of 1 (spinner, after_spin) has not run",
				"spinner: running, at example.markers.Workloads.spin");
	}

	@Test
	void anExceptionInAThreadIsRethrownWithTheThreadsName() {
		Workloads workloads = new Workloads();
		TraceExecutor executor = new TraceExecutor(Schedule.of(Step.of("worker", "after_failure")));
		executor.run("worker", workloads::failBeforeMarker);
		ThreadFailedException error = assertThrows(ThreadFailedException.class, () -> executor.await(TIMEOUT));
		assertEquals("worker", error.threadName());
		assertContains(error, "Thread 'worker' failed", "boom");
		IllegalStateException cause = assertInstanceOf(IllegalStateException.class, error.getCause());
		assertEquals("failBeforeMarker", cause.getStackTrace()[0].getMethodName());
	}

	@Test
	void aDuplicateThreadNameIsRejectedAndTheOtherThreadsReleased() {
		TraceExecutor executor = new TraceExecutor(INTERLEAVED);
		executor.run("thread1", () -> { });
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> executor.run("thread1", () -> { }));
		assertTrue(error.getMessage().contains("Thread name 'thread1' is used twice"), error.getMessage());
		assertThrows(ScheduleException.class, () -> executor.await(TIMEOUT));
	}

	private static void assertContains(Throwable error, String... parts) {
		for (String part : parts) {
			assertTrue(error.getMessage().contains(part), () -> "expected «" + part + "» in:\n" + error.getMessage());
		}
	}
}
