package example.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.Schedule;
import dev.frontrun.Step;
import dev.frontrun.TraceExecutor;
import dev.frontrun.junit.FrontrunTest;
import example.bank.BankAccount;
import java.time.Duration;

/** A frontrun test run by the extension's tests through the JUnit testkit, not by Surefire directly. */
class SampleMarkerCase {

	@FrontrunTest
	void lostUpdate() {
		BankAccount account = new BankAccount(100);
		TraceExecutor executor = new TraceExecutor(Schedule.of(Step.of("thread1", "read_balance"),
				Step.of("thread2", "read_balance"), Step.of("thread1", "write_balance"),
				Step.of("thread2", "write_balance")));
		executor.run("thread1", () -> account.transfer(50));
		executor.run("thread2", () -> account.transfer(50));
		executor.await(Duration.ofSeconds(5));
		assertEquals(150, account.balance);
	}
}
