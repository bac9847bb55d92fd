package suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RomanTest {

	static IntStream numbers() {
		return IntStream.iterate(1, n -> n <= 3999, n -> n + 37);
	}

	@ParameterizedTest
	@MethodSource("numbers")
	void roundTrips(int n) {
		assertEquals(n, Roman.fromRoman(Roman.toRoman(n)));
	}

	@ParameterizedTest
	@CsvSource({ "1, I", "4, IV", "9, IX", "14, XIV", "40, XL", "90, XC", "400, CD", "1994, MCMXCIV",
			"2024, MMXXIV", "3999, MMMCMXCIX" })
	void knownValues(int n, String roman) {
		assertEquals(roman, Roman.toRoman(n));
		assertEquals(n, Roman.fromRoman(roman));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 4000, 10000 })
	void rejectsOutOfRange(int n) {
		assertThrows(IllegalArgumentException.class, () -> Roman.toRoman(n));
	}

	@ParameterizedTest
	@ValueSource(strings = { "IIII", "VV", "IC", "MMMM", "", "ABC", "XM" })
	void rejectsMalformed(String s) {
		assertThrows(IllegalArgumentException.class, () -> Roman.fromRoman(s));
	}

	@Test
	void valuesIncreaseWithTheirNumerals() {
		for (int n = 1; n < 3999; n++) {
			assertEquals(n, Roman.fromRoman(Roman.toRoman(n)));
		}
	}
}
