package example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.Frontrun;
import dev.frontrun.Schedule;
import dev.frontrun.Step;
import dev.frontrun.TraceExecutor;
import dev.frontrun.junit.FrontrunTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

class BankAccountTest {

	@FrontrunTest
	void userConfigurationAndAgentAreBothThere() throws Exception {
		// what the user configured for Surefire
		assertEquals("kept", System.getProperty("example.flag"), "the user's <argLine>");
		assertEquals("kept", System.getenv("EXAMPLE_ENV"), "the user's <environmentVariables>");
		assertEquals("kept", System.getProperty("example.sysprop"), "the user's <systemPropertyVariables>");

		// what frontrun added
		List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
		assertTrue(jvmArgs.stream().anyMatch(a -> a.startsWith("-javaagent:") && a.contains("frontrun")),
				"the frontrun agent on the command line: " + jvmArgs);
		assertTrue(jvmArgs.contains("-Dexample.flag=kept"), "the user's argLine on the command line: " + jvmArgs);
		assertTrue(Frontrun.isAgentActive(), "the frontrun agent is attached");

		// and the markers work
		BankAccount account = new BankAccount(100);
		TraceExecutor executor = new TraceExecutor(Schedule.of(
				Step.of("thread1", "read_balance"), Step.of("thread2", "read_balance"),
				Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance")));
		executor.run("thread1", () -> account.transfer(50));
		executor.run("thread2", () -> account.transfer(50));
		executor.await(Duration.ofSeconds(5));
		assertEquals(150, account.balance());
		System.out.println("example.flag=" + System.getProperty("example.flag") + " EXAMPLE_ENV="
				+ System.getenv("EXAMPLE_ENV") + " agent=" + System.getProperty(Frontrun.AGENT_VERSION_PROPERTY));
	}
}
