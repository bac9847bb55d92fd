package suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {

	@RepeatedTest(30)
	void transfersConserveMoney(RepetitionInfo info) {
		Account a = new Account("a", 10_000_000, 0);
		Account b = new Account("b", 500, 100);
		int n = info.getCurrentRepetition() * 1_000;
		for (int i = 0; i < n; i++) {
			a.transferTo(b, 10);
			b.transferTo(a, 7);
		}
		assertEquals(10_000_500, a.balance() + b.balance());
		assertEquals(10_000_000 - 3L * n, a.balance());
		assertEquals(4 * n, a.operations() + b.operations());
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, -1, -50 })
	void rejectsNonPositiveAmounts(long amount) {
		Account a = new Account("a", 100, 0);
		assertThrows(IllegalArgumentException.class, () -> a.deposit(amount));
		assertThrows(IllegalArgumentException.class, () -> a.withdraw(amount));
	}

	@ParameterizedTest
	@ValueSource(longs = { 101, 150, 1000 })
	void overdraftLimitHolds(long amount) {
		Account a = new Account("a", 50, 50);
		assertThrows(IllegalStateException.class, () -> a.withdraw(amount));
		assertEquals(50, a.balance());
	}

	@Test
	void mayUseTheOverdraft() {
		Account a = new Account("a", 50, 50);
		a.withdraw(100);
		assertEquals(-50, a.balance());
	}
}
