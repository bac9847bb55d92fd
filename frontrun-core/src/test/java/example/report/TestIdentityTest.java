package example.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.internal.report.TestIdentity;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Naming the test that called frontrun, from the stack; outside {@code dev.frontrun}, whose frames are skipped. */
class TestIdentityTest {

	@Test
	void theTestIsTheInnermostMethodAnnotatedAsATestOnTheStack() {
		assertEquals(Optional.of(new TestIdentity(TestIdentityTest.class.getName(),
				"theTestIsTheInnermostMethodAnnotatedAsATestOnTheStack")), helper());
	}

	@RepeatedTest(2)
	void askingAgainFromTheSameTestGivesTheSameAnswer() {
		TestIdentity expected = new TestIdentity(TestIdentityTest.class.getName(),
				"askingAgainFromTheSameTestGivesTheSameAnswer");
		assertEquals(Optional.of(expected), helper());
		assertEquals(Optional.of(expected), helper());
	}

	@Test
	void withoutATestOnTheStackItIsTheDirectCaller() throws Exception {
		@SuppressWarnings("unchecked")
		Optional<TestIdentity>[] found = new Optional[1];
		Thread thread = new Thread(() -> found[0] = TestIdentity.fromStack());
		thread.start();
		thread.join();
		assertEquals(TestIdentityTest.class.getName(), found[0].orElseThrow().className());
	}

	/** A method that is not a test, between the test and frontrun: the search goes past it. */
	private static Optional<TestIdentity> helper() {
		return TestIdentity.fromStack();
	}
}
