package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TraceExecutorWithoutAgentTest {

	@Test
	void withoutTheAgentAnExecutorAbortsTheTestWithTheCommandToRunIt() {
		assertFalse(Frontrun.isAgentActive());
		TestAbortedException aborted = assertThrows(TestAbortedException.class,
				() -> new TraceExecutor(Schedule.of(Step.of("thread1", "read_balance"))));
		assertTrue(aborted.getMessage().contains("mvn frontrun:test"), aborted.getMessage());
	}

	@Test
	void scheduleAndStepRejectBadInputAtOnce() {
		IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, Schedule::of);
		assertTrue(empty.getMessage().contains("at least one step"), empty.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Step.of(" ", "read_balance"));
		assertThrows(NullPointerException.class, () -> Step.of("thread1", null));
	}
}
