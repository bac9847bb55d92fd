package suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MoneyTest {

	@ParameterizedTest
	@CsvSource({ "0.00, 0", "1.00, 100", "1.5, 150", "12.34, 1234", "-3.07, -307", "1000000.99, 100000099" })
	void parses(String text, long cents) {
		assertEquals(cents, Money.of(text, "EUR").cents());
	}

	@ParameterizedTest
	@CsvSource({ "0, 0.00 EUR", "5, 0.05 EUR", "100, 1.00 EUR", "-250, -2.50 EUR", "123456, 1234.56 EUR" })
	void prints(long cents, String text) {
		assertEquals(text, new Money(cents, "EUR").toString());
	}

	static IntStream amounts() {
		return IntStream.rangeClosed(1, 60).map(i -> i * i * 17 + i);
	}

	@ParameterizedTest
	@MethodSource("amounts")
	void allocationLosesNoCent(int cents) {
		Money[] parts = new Money(cents, "USD").allocate(3, 2, 2);
		long sum = 0;
		for (Money part : parts) {
			sum += part.cents();
		}
		assertEquals(cents, sum);
		assertEquals(true, parts[0].cents() >= parts[1].cents());
	}

	@ParameterizedTest
	@MethodSource("amounts")
	void plusAndMinusInvert(int cents) {
		Money a = new Money(cents, "USD");
		Money b = new Money(cents / 3 + 7, "USD");
		assertEquals(a, a.plus(b).minus(b));
		assertEquals(a.times(3), a.plus(a).plus(a));
	}

	@Test
	void currenciesDoNotMix() {
		assertThrows(IllegalArgumentException.class, () -> new Money(1, "EUR").plus(new Money(1, "USD")));
	}

	@Test
	void overflowThrows() {
		assertThrows(ArithmeticException.class, () -> new Money(Long.MAX_VALUE, "EUR").times(2));
	}
}
