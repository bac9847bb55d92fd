package suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextStatsTest {

	private static final String TEXT = "It was the best of times, it was the worst of times, it was the age of wisdom, "
			+ "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity.";

	@ParameterizedTest
	@CsvSource({ "it, 6", "was, 6", "the, 6", "of, 6", "times, 2", "age, 2", "epoch, 2", "wisdom, 1",
			"incredulity, 1", "absent, 0", "IT, 6", "Was, 6" })
	void counts(String word, int count) {
		assertEquals(count, new TextStats(TEXT).count(word));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "one two three|3|3", "a a a a|4|1", "don't stop|2|2", "|0|0",
			"x, y; z!|3|3", "Ünïcödé wörds here|3|3" })
	void wordsAndDistinct(String text, int words, int distinct) {
		TextStats stats = new TextStats(text == null ? "" : text);
		assertEquals(words, stats.words());
		assertEquals(distinct, stats.distinct());
	}

	@Test
	void longestWord() {
		assertEquals("foolishness", new TextStats(TEXT).longest());
	}

	@Test
	void mostFrequentIsFirstAlphabeticallyAmongTies() {
		assertEquals("it", new TextStats(TEXT).mostFrequent());
	}

	@Test
	void largeText() {
		String big = (TEXT + " ").repeat(20_000);
		TextStats stats = new TextStats(big);
		assertEquals(120_000, stats.count("it"));
	}
}
