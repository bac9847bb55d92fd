package suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalSetTest {

	@RepeatedTest(40)
	void agreesWithABitmap(RepetitionInfo info) {
		Random random = new Random(info.getCurrentRepetition());
		IntervalSet set = new IntervalSet();
		boolean[] bits = new boolean[5000];
		for (int i = 0; i < 300; i++) {
			int start = random.nextInt(4980);
			int end = start + random.nextInt(20);
			set.add(start, end);
			for (int x = start; x < end; x++) {
				bits[x] = true;
			}
		}
		long length = 0;
		for (int x = 0; x < bits.length; x++) {
			assertEquals(bits[x], set.contains(x), "at " + x);
			length += bits[x] ? 1 : 0;
		}
		assertEquals(length, set.length());
	}

	@ParameterizedTest
	@CsvSource({ "0, 10, 10, 20, 1, 20", "0, 10, 11, 20, 2, 19", "5, 10, 0, 5, 1, 10", "0, 100, 10, 20, 1, 100",
			"3, 4, 1, 2, 2, 2" })
	void mergesAdjacentAndOverlapping(int s1, int e1, int s2, int e2, int count, long length) {
		IntervalSet set = new IntervalSet();
		set.add(s1, e1);
		set.add(s2, e2);
		assertEquals(count, set.count());
		assertEquals(length, set.length());
	}

	@Test
	void emptyIntervalsAreIgnored() {
		IntervalSet set = new IntervalSet();
		set.add(5, 5);
		set.add(7, 3);
		assertEquals(0, set.count());
		assertFalse(set.contains(5));
	}

	@Test
	void halfOpen() {
		IntervalSet set = new IntervalSet();
		set.add(1, 3);
		assertTrue(set.contains(1));
		assertTrue(set.contains(2));
		assertFalse(set.contains(3));
	}
}
