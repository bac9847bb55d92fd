package dev.frontrun.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frontrun.Schedule;
import dev.frontrun.Step;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkerSchedulesTest {

	private static MarkerSchedules shape(int... markerCounts) {
		List<String> names = new ArrayList<>();
		List<List<String>> markers = new ArrayList<>();
		for (int thread = 0; thread < markerCounts.length; thread++) {
			names.add("t" + thread);
			List<String> list = new ArrayList<>();
			for (int j = 0; j < markerCounts[thread]; j++) {
				list.add("m" + j);
			}
			markers.add(list);
		}
		return new MarkerSchedules(names, markers);
	}

	private static List<List<Integer>> all(MarkerSchedules schedules) {
		List<List<Integer>> all = new ArrayList<>();
		schedules.forEach(all::add);
		return all;
	}

	@Test
	void theCountIsTheMultinomialAndTheEnumerationHasExactlyThatManyDistinctMerges() {
		int[][] shapes = { { 2, 2 }, { 2, 2, 2 }, { 3, 3 }, { 1 }, { 4 }, { 1, 1, 1, 1 }, { 3, 1, 2 }, { 2, 0, 2 },
				{ 5, 5 } };
		long[] expected = { 6, 90, 20, 1, 1, 24, 60, 6, 252 };
		for (int i = 0; i < shapes.length; i++) {
			MarkerSchedules schedules = shape(shapes[i]);
			assertEquals(BigInteger.valueOf(expected[i]), schedules.count(), java.util.Arrays.toString(shapes[i]));
			List<List<Integer>> all = all(schedules);
			assertEquals(expected[i], all.size());
			Set<List<Integer>> distinct = new HashSet<>(all);
			assertEquals(all.size(), distinct.size(), "no merge twice");
			for (List<Integer> merge : all) {
				schedules.schedule(merge); // a merge of exactly these markers, or this throws
			}
		}
	}

	@Test
	void largeCountsDoNotOverflow() {
		// 4 threads of 10 markers: 40!/(10!^4)
		assertEquals(new BigInteger("4705360871073570227520"), shape(10, 10, 10, 10).count());
	}

	@Test
	void twoByTwoRunsInLexicographicOrderSerialFirst() {
		assertEquals(List.of(List.of(0, 0, 1, 1), List.of(0, 1, 0, 1), List.of(0, 1, 1, 0), List.of(1, 0, 0, 1),
				List.of(1, 0, 1, 0), List.of(1, 1, 0, 0)), all(shape(2, 2)));
	}

	@Test
	void eachThreadTakesItsOwnMarkersInOrder() {
		MarkerSchedules schedules = new MarkerSchedules(List.of("thread1", "thread2"),
				List.of(List.of("read_balance", "write_balance"), List.of("read_balance", "write_balance")));
		assertEquals(Schedule.of(Step.of("thread1", "read_balance"), Step.of("thread2", "read_balance"),
				Step.of("thread1", "write_balance"), Step.of("thread2", "write_balance")),
				schedules.schedule(List.of(0, 1, 0, 1)));
	}

	@Test
	void aSequenceThatIsNotAMergeIsRejected() {
		MarkerSchedules schedules = shape(2, 2);
		assertThrows(IllegalArgumentException.class, () -> schedules.schedule(List.of(0, 0, 0, 1)));
		assertThrows(IllegalArgumentException.class, () -> schedules.schedule(List.of(0, 1, 0)));
		assertThrows(IllegalArgumentException.class, () -> schedules.schedule(List.of(0, 1, 2, 1)));
	}

	@Test
	void theEnumerationIsTheSameEveryTime() {
		assertEquals(all(shape(3, 1, 2)), all(shape(3, 1, 2)));
	}
}
