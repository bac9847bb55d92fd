package example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.Schedule;
import dev.frontrun.Step;
import dev.frontrun.TraceExecutor;
import dev.frontrun.junit.FrontrunTest;
import java.time.Duration;

/**
 * The lost increment of {@link Counter}, forced with trace markers: two increments, final value 1.
 *
 * <p>Method references work as well as lambdas: {@code executor.run("thread1", counter::increment)}.
 */
class CounterTest {

	/** Both threads read 0, both write 1: one increment is lost, on every run. */
	@FrontrunTest
	void interleavedScheduleLosesAnIncrement() throws Exception {
		Counter counter = new Counter();

		Schedule schedule = Schedule.of(
				Step.of("thread1", "read_value"),
				Step.of("thread2", "read_value"),
				Step.of("thread1", "write_value"),
				Step.of("thread2", "write_value"));

		TraceExecutor executor = new TraceExecutor(schedule);
		executor.run("thread1", counter::increment);
		executor.run("thread2", counter::increment);
		executor.await(Duration.ofSeconds(5));

		System.out.println("counter: interleaved schedule -> value " + counter.value()
				+ " (one increment lost)");
		assertEquals(1, counter.value());
	}
}
