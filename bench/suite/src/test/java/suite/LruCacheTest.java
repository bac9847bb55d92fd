package suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LruCacheTest {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512 })
	void keepsAtMostCapacity(int capacity) {
		LruCache<Integer, String> cache = new LruCache<>(capacity);
		for (int i = 0; i < 3 * capacity; i++) {
			cache.put(i, "v" + i);
			cache.get(i / 2);
		}
		assertEquals(capacity, cache.size());
		assertEquals(2 * capacity, cache.evictions());
		assertEquals(2 * capacity, cache.oldestKey());
	}

	@RepeatedTest(25)
	void aReadKeepsAnEntry(RepetitionInfo info) {
		int capacity = info.getCurrentRepetition() + 1;
		LruCache<Integer, Integer> cache = new LruCache<>(capacity);
		for (int i = 0; i < capacity; i++) {
			cache.put(i, i * i);
		}
		assertEquals(0, cache.get(0));
		cache.put(capacity, 0);
		assertEquals(0, cache.get(0));
		assertNull(cache.get(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "bb", "ccc", "dddd", "eeeee" })
	void putReplacesTheValue(String key) {
		LruCache<String, Integer> cache = new LruCache<>(2);
		cache.put(key, 1);
		cache.put(key, 2);
		assertEquals(2, cache.get(key));
		assertEquals(1, cache.size());
	}

	@Test
	void missIsNull() {
		assertNull(new LruCache<String, String>(4).get("absent"));
	}

	@Test
	void workingSetSurvivesAScan() {
		LruCache<Integer, Integer> cache = new LruCache<>(100);
		for (int round = 0; round < 20_000; round++) {
			for (int hot = 0; hot < 10; hot++) {
				cache.put(hot, round);
				cache.get(hot);
			}
			cache.put(1000 + round, round);
		}
		for (int hot = 0; hot < 10; hot++) {
			assertEquals(19_999, cache.get(hot));
		}
	}
}
