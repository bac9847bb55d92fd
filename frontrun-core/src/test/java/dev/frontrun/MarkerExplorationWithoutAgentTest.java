package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What a marker exploration does before it needs the agent, and what it does without it. */
class MarkerExplorationWithoutAgentTest {

	private static final class Account {
		int balance = 100;

		void transfer(int amount) {
			balance += amount;
		}
	}

	private static MarkerExploration<Account> twoTransfers() {
		return Frontrun.exploreMarkers(Account::new)
				.thread("thread1", a -> a.transfer(50), "read_balance", "write_balance")
				.thread("thread2", a -> a.transfer(50), "read_balance", "write_balance")
				.invariant(a -> a.balance == 200);
	}

	@Test
	void withoutTheAgentRunAbortsTheTestWithTheCommandToRunIt() {
		assertFalse(Frontrun.isAgentActive());
		TestAbortedException aborted = assertThrows(TestAbortedException.class, () -> twoTransfers().run());
		assertTrue(aborted.getMessage().contains("Frontrun.exploreMarkers"), aborted.getMessage());
		assertTrue(aborted.getMessage().contains("mvn frontrun:test"), aborted.getMessage());
	}

	@Test
	void theScheduleCountIsTheMultinomial() {
		assertEquals(BigInteger.valueOf(6), twoTransfers().scheduleCount());
		assertEquals(BigInteger.valueOf(90), twoTransfers()
				.thread("thread3", a -> a.transfer(50), "read_balance", "write_balance").scheduleCount());
		assertEquals(BigInteger.valueOf(20), Frontrun.exploreMarkers(Account::new)
				.thread("a", a -> { }, "x", "y", "z").thread("b", a -> { }, "x", "y", "z").scheduleCount());
		assertEquals(BigInteger.ZERO, Frontrun.exploreMarkers(Account::new).scheduleCount());
	}

	@Test
	void theSchedulesAreListedInTheOrderRunRunsThem() {
		List<String> listed = new ArrayList<>();
		for (Schedule schedule : twoTransfers().schedules()) {
			listed.add(schedule.toJava());
		}
		assertEquals(6, listed.size());
		assertEquals(Schedule.of(Step.of("thread1", "read_balance"), Step.of("thread1", "write_balance"),
				Step.of("thread2", "read_balance"), Step.of("thread2", "write_balance")).toJava(), listed.get(0));
		assertEquals(Schedule.of(Step.of("thread1", "read_balance"), Step.of("thread2", "read_balance"),
				Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance")).toJava(), listed.get(1));
		assertEquals(Schedule.of(Step.of("thread2", "read_balance"), Step.of("thread2", "write_balance"),
				Step.of("thread1", "read_balance"), Step.of("thread1", "write_balance")).toJava(), listed.get(5));
	}

	@Test
	void scheduleOfTurnsAFailuresThreadIndexesIntoItsSchedule() {
		ExplorationResult.Failure failure = new ExplorationResult.Failure(2, List.of(0, 1, 0, 1), "lost update");
		assertEquals(Schedule.of(Step.of("thread1", "read_balance"), Step.of("thread2", "read_balance"),
				Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance")),
				twoTransfers().scheduleOf(failure));
	}

	@Test
	void badThreadsAndOptionsAreRejectedWhenGiven() {
		assertThrows(NullPointerException.class, () -> Frontrun.exploreMarkers(null));
		MarkerExploration<Account> exploration = twoTransfers();
		assertMessage(assertThrows(IllegalArgumentException.class,
				() -> exploration.thread("thread1", a -> { }, "read_balance")), "Thread name 'thread1' is used twice");
		assertMessage(assertThrows(IllegalArgumentException.class, () -> exploration.thread("thread3", a -> { })),
				"Thread 'thread3' needs at least one marker");
		assertMessage(assertThrows(IllegalArgumentException.class, () -> exploration.thread(" ", a -> { }, "m")),
				"A thread needs a name");
		assertThrows(IllegalArgumentException.class, () -> exploration.thread("thread3", a -> { }, "m", " "));
		assertThrows(NullPointerException.class, () -> exploration.thread("thread3", null, "m"));
		assertMessage(assertThrows(IllegalArgumentException.class, () -> exploration.maxExecutions(0)),
				"maxExecutions must be at least 1, got 0");
		assertMessage(assertThrows(IllegalArgumentException.class,
				() -> exploration.timeoutPerExecution(Duration.ZERO)), "timeoutPerExecution must be a positive");
		assertThrows(NullPointerException.class, () -> exploration.invariant(null));
		assertEquals(BigInteger.valueOf(6), exploration.scheduleCount(), "rejected threads were not added");
	}

	private static void assertMessage(Throwable error, String part) {
		assertTrue(error.getMessage().contains(part), () -> "expected «" + part + "» in: " + error.getMessage());
	}
}
