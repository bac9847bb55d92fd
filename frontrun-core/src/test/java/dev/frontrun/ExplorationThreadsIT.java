package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import example.dpor.Counter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The threads that run an exploration's bodies: kept from one execution to the next, and reset like new ones. */
class ExplorationThreadsIT {

	private static final ThreadLocal<String> LEFT_BEHIND = new ThreadLocal<>();

	@Test
	void eachBodyKeepsItsThreadAcrossExecutionsAndFindsItAsNewAsAFreshOne() {
		Set<Thread> threads = ConcurrentHashMap.newKeySet();
		List<String> carriedOver = new CopyOnWriteArrayList<>();
		Consumer<Counter> body = counter -> {
			threads.add(Thread.currentThread());
			if (LEFT_BEHIND.get() != null) {
				carriedOver.add("a thread-local value " + LEFT_BEHIND.get());
			}
			if (Thread.currentThread().isInterrupted()) {
				carriedOver.add("an interrupt");
			}
			LEFT_BEHIND.set("of an earlier execution");
			counter.increment();
			Thread.currentThread().interrupt();
		};
		ExplorationResult result = Frontrun.explore(Counter::new).thread(body).thread(body).invariant(c -> true)
				.run();

		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertEquals(4, result.executions(), result.explanation());
		assertEquals(List.of(), carriedOver, "what a body found of an earlier execution on its thread");
		assertEquals(2, threads.size(), "threads that ran the bodies of 4 executions of 2 threads: " + threads);
	}
}
