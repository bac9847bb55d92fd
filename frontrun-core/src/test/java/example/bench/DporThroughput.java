package example.bench;

import dev.frontrun.ExplorationResult;
import dev.frontrun.Frontrun;
import example.dpor.Counter;
import example.oracles.Oracles.Shared;

/**
 * Measures DPOR executions per second on real threads: the seed's counter (2 threads, every interleaving, explored
 * again and again), and 3 threads doing 5 {@code incrementAndGet} each, cut at 20000 executions. Not a test: run it
 * by hand after {@code mvn verify}, from {@code frontrun-core}:
 *
 * <pre>
 * java -javaagent:target/frontrun-core-0.1.0-SNAPSHOT-agent.jar -cp target/classes:target/test-classes example.bench.DporThroughput
 * </pre>
 */
public final class DporThroughput {

	private DporThroughput() {
	}

	public static void main(String[] args) {
		for (int round = 0; round < 3; round++) {
			counter(round == 0 ? 200 : 2000);
		}
		for (int round = 0; round < 2; round++) {
			atomics();
		}
	}

	private static void counter(int explorations) {
		long executions = 0;
		long start = System.nanoTime();
		for (int i = 0; i < explorations; i++) {
			ExplorationResult result = Frontrun.explore(Counter::new).thread(Counter::increment)
					.thread(Counter::increment).stopOnFirst(false).reproduceOnFailure(0).invariant(c -> c.value == 2)
					.run();
			executions += result.executions();
		}
		report("counter, 2 threads (" + explorations + " explorations)", executions, start);
	}

	private static void atomics() {
		long start = System.nanoTime();
		ExplorationResult result = Frontrun.explore(Shared::new).thread(DporThroughput::fiveIncrements)
				.thread(DporThroughput::fiveIncrements).thread(DporThroughput::fiveIncrements).maxExecutions(20_000)
				.stopOnFirst(false).invariant(s -> s.atomic.get() == 15).run();
		report("3 threads x 5 incrementAndGet, maxExecutions 20000 (" + result.verdict() + ")", result.executions(),
				start);
	}

	private static void fiveIncrements(Shared shared) {
		for (int i = 0; i < 5; i++) {
			shared.atomic.incrementAndGet();
		}
	}

	private static void report(String what, long executions, long start) {
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%s: %d executions in %.2f s = %.0f executions/s%n", what, executions, seconds,
				executions / seconds);
	}
}
