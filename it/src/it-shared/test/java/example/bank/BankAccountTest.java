package example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.Schedule;
import dev.frontrun.Step;
import dev.frontrun.TraceExecutor;
import dev.frontrun.junit.FrontrunTest;
import java.time.Duration;

class BankAccountTest {

	@FrontrunTest
	void lostUpdate() throws Exception {
		BankAccount account = new BankAccount(100);
		Schedule schedule = Schedule.of(
				Step.of("thread1", "read_balance"), Step.of("thread2", "read_balance"),
				Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance"));
		TraceExecutor executor = new TraceExecutor(schedule);
		executor.run("thread1", () -> account.transfer(50));
		executor.run("thread2", () -> account.transfer(50));
		executor.await(Duration.ofSeconds(5));
		assertEquals(150, account.balance());
	}
}
