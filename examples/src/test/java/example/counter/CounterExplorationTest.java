package example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.ExplorationResult;
import dev.frontrun.Frontrun;
import dev.frontrun.Verdict;
import dev.frontrun.junit.FrontrunTest;

/**
 * The same lost increment, found without markers or a schedule: DPOR runs every meaningfully different
 * interleaving of two increments (four of them) and explains the one that breaks the invariant.
 */
class CounterExplorationTest {

	@FrontrunTest
	void dporFindsTheLostIncrement() {
		ExplorationResult result = Frontrun.explore(Counter::new)
				.thread(c -> c.increment())
				.thread(c -> c.increment())
				.invariant(c -> c.value() == 2)
				.run();

		System.out.println("counter: DPOR -> " + result.verdict() + "\n" + result.explanation());
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertTrue(result.explanation().contains("Lost update"));
	}
}
