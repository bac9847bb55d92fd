package dev.frontrun.internal.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.engine.GuidedScheduler.Run;
import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.engine.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The candidates of shrinking and its search, on a made-up program whose failures are known. */
class ShrinkingTest {

	private static List<Step> schedule(int... threads) {
		List<Step> steps = new ArrayList<>();
		for (int thread : threads) {
			steps.add(new Step(steps.size(), thread, Operation.write(new Resource("cell", 0))));
		}
		return steps;
	}

	/** Preemptions of a schedule where every thread has 2 steps and never blocks. */
	private static int preemptions(List<Integer> threads) {
		int[] left = {2, 2, 2};
		int preemptions = 0;
		for (int i = 0; i < threads.size(); i++) {
			if (i > 0 && !threads.get(i).equals(threads.get(i - 1)) && left[threads.get(i - 1)] > 0) {
				preemptions++;
			}
			left[threads.get(i)]--;
		}
		return preemptions;
	}

	/** Follows a plan as the guided scheduler does, for two threads of two steps each that never block. */
	private static List<Integer> follow(List<Run> plan) {
		int[] left = {2, 2};
		List<Integer> threads = new ArrayList<>();
		for (Run run : plan) {
			for (int i = 0; i < run.steps() && left[run.thread()] > 0; i++) {
				threads.add(run.thread());
				left[run.thread()]--;
			}
		}
		int current = threads.isEmpty() ? 0 : threads.get(threads.size() - 1);
		while (left[0] + left[1] > 0) {
			if (left[current] == 0) {
				current = 1 - current;
			}
			threads.add(current);
			left[current]--;
		}
		return threads;
	}

	@Test
	void candidatesStartWithPrefixesThenSwapMoveOrDropRuns() {
		List<Run> runs = List.of(new Run(0, 1), new Run(1, 1), new Run(0, 1), new Run(1, 1));
		List<List<Run>> candidates = Shrinking.candidates(runs);
		assertEquals(List.of(new Run(0, 1)), candidates.get(0));
		assertEquals(List.of(new Run(0, 1), new Run(1, 1)), candidates.get(1));
		assertEquals(List.of(new Run(0, 1), new Run(1, 1), new Run(0, 1)), candidates.get(2));
		assertEquals(List.of(new Run(1, 1), new Run(0, 2), new Run(1, 1)), candidates.get(3),
				"then runs 0 and 1 swapped");
		assertTrue(candidates.contains(List.of(new Run(0, 2), new Run(1, 2))), "run 2 moved to join run 0");
		assertTrue(candidates.contains(List.of(new Run(0, 1), new Run(1, 2), new Run(0, 1))),
				"run 3 moved to join run 1");
	}

	@Test
	void theLostUpdateOfTwoIncrementsShrinksToOnePreemption() {
		// a read-read-write-write interleaving has two preemptions; the lost update needs only one
		List<Step> found = schedule(0, 1, 0, 1);
		Shrinking.Result result = Shrinking.shrink(found, "invariant", plan -> {
			List<Integer> threads = follow(plan);
			boolean lost = threads.get(0) != threads.get(1);
			List<Step> steps = schedule(threads.stream().mapToInt(Integer::intValue).toArray());
			return new Shrinking.Tried(steps, preemptions(threads), lost ? "lost update" : null,
					lost ? "invariant" : null, null);
		}, 100);
		assertEquals(2, result.original().preemptions());
		assertEquals(1, result.shrunk().preemptions());
		assertEquals(4, result.shrunk().schedule().size());
	}

	@Test
	void aScheduleThatDoesNotFailAgainIsNotShrunk() {
		Shrinking.Result result = Shrinking.shrink(schedule(0, 1, 0, 1), "invariant",
				plan -> new Shrinking.Tried(schedule(0, 0, 1, 1), 0, null, null, null), 100);
		assertNull(result.shrunk());
		assertEquals(1, result.trials());
	}

	@Test
	void shrinkingStopsWithinItsBudget() {
		Shrinking.Result result = Shrinking.shrink(schedule(0, 1, 0, 1, 0, 1), "invariant",
				plan -> new Shrinking.Tried(schedule(0, 1, 0, 1, 0, 1), 5, "fails", "invariant", null), 7);
		assertEquals(7, result.trials());
	}
}
