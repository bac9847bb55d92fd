package suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RingBufferTest {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89 })
	void fillsToCapacity(int capacity) {
		RingBuffer<Integer> ring = new RingBuffer<>(capacity);
		for (int i = 0; i < capacity; i++) {
			assertTrue(ring.offer(i));
		}
		assertFalse(ring.offer(-1));
		assertEquals(capacity, ring.size());
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89 })
	void isFirstInFirstOut(int capacity) {
		RingBuffer<Integer> ring = new RingBuffer<>(capacity);
		int next = 0;
		int expected = 0;
		for (int round = 0; round < 2_000; round++) {
			while (ring.offer(next)) {
				next++;
			}
			for (int i = 0; i < (capacity + 1) / 2; i++) {
				assertEquals(expected++, ring.poll());
			}
		}
	}

	@RepeatedTest(20)
	void overwriteDropsTheOldest(RepetitionInfo info) {
		int capacity = info.getCurrentRepetition();
		RingBuffer<Integer> ring = new RingBuffer<>(capacity);
		for (int i = 0; i < capacity; i++) {
			assertNull(ring.overwrite(i));
		}
		for (int i = 0; i < 3 * capacity; i++) {
			assertEquals(i, ring.overwrite(capacity + i));
		}
		assertEquals(capacity, ring.size());
		assertEquals(3 * capacity, ring.peek());
	}

	@Test
	void pollOfEmptyThrows() {
		assertThrows(NoSuchElementException.class, () -> new RingBuffer<String>(3).poll());
	}

	@Test
	void peekOfEmptyIsNull() {
		assertNull(new RingBuffer<String>(3).peek());
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, -100 })
	void rejectsNonPositiveCapacity(int capacity) {
		assertThrows(IllegalArgumentException.class, () -> new RingBuffer<String>(capacity));
	}
}
