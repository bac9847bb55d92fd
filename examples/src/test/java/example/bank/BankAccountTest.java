package example.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.Schedule;
import dev.frontrun.Step;
import dev.frontrun.TraceExecutor;
import dev.frontrun.junit.FrontrunTest;
import java.time.Duration;

/**
 * Forces the two orders that matter for two concurrent {@link BankAccount#transfer(int)} calls.
 *
 * <p>A schedule lists (thread, marker) steps. Each thread runs until it reaches a marker, then waits there
 * until the schedule's next step is that thread at that marker. So the outcome depends only on the schedule,
 * never on timing: the interleaved schedule loses an update on every run, the serial one never does.
 *
 * <p>Run with {@code mvn frontrun:test}. Under plain {@code mvn test} (no agent) these tests are skipped,
 * with a reason that says so.
 */
class BankAccountTest {

	/** Both threads read 100 before either writes: each writes 150, and one transfer of 50 is lost. */
	@FrontrunTest
	void interleavedScheduleLosesAnUpdate() throws Exception {
		BankAccount account = new BankAccount(100);

		Schedule schedule = Schedule.of(
				Step.of("thread1", "read_balance"),   // thread1 reads 100
				Step.of("thread2", "read_balance"),   // thread2 reads 100 too: both see the same value
				Step.of("thread1", "write_balance"),  // thread1 writes 150
				Step.of("thread2", "write_balance")); // thread2 writes 150, overwriting thread1's update

		TraceExecutor executor = new TraceExecutor(schedule);
		executor.run("thread1", () -> account.transfer(50));
		executor.run("thread2", () -> account.transfer(50));
		executor.await(Duration.ofSeconds(5));

		System.out.println("bank account: interleaved schedule -> balance " + account.balance()
				+ " (one update lost)");
		assertEquals(150, account.balance());
	}

	/** Each thread reads and writes before the other starts: both transfers count. */
	@FrontrunTest
	void serialScheduleKeepsBothUpdates() throws Exception {
		BankAccount account = new BankAccount(100);

		Schedule schedule = Schedule.of(
				Step.of("thread1", "read_balance"),   // thread1 reads 100
				Step.of("thread1", "write_balance"),  // thread1 writes 150
				Step.of("thread2", "read_balance"),   // thread2 reads 150
				Step.of("thread2", "write_balance")); // thread2 writes 200

		TraceExecutor executor = new TraceExecutor(schedule);
		executor.run("thread1", () -> account.transfer(50));
		executor.run("thread2", () -> account.transfer(50));
		executor.await(Duration.ofSeconds(5));

		System.out.println("bank account: serial schedule -> balance " + account.balance()
				+ " (both updates kept)");
		assertEquals(200, account.balance());
	}
}
