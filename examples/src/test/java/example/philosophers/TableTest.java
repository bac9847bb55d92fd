package example.philosophers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.ExplorationResult;
import dev.frontrun.Frontrun;
import dev.frontrun.Verdict;
import dev.frontrun.junit.FrontrunTest;

/** DPOR finds the deadlock of the dining philosophers and spells out the cycle. */
class TableTest {

	@FrontrunTest
	void dporFindsTheDeadlock() {
		ExplorationResult result = Frontrun.explore(Table::new)
				.thread(t -> t.dine(0))
				.thread(t -> t.dine(1))
				.thread(t -> t.dine(2))
				.invariant(t -> t.meals() == 3)
				.run();

		System.out.println("philosophers: DPOR -> " + result.verdict() + "\n" + result.explanation());
		assertEquals(Verdict.VIOLATED, result.verdict());
		assertTrue(result.explanation().startsWith("Deadlock detected"));
	}
}
