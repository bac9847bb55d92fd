package suite;

import java.util.Objects;

/** An amount in cents of one currency. */
public final class Money {
	private final long cents;
	private final String currency;

	public Money(long cents, String currency) {
		this.cents = cents;
		this.currency = Objects.requireNonNull(currency);
	}

	public static Money of(String text, String currency) {
		String[] parts = text.split("\\.");
		long units = Long.parseLong(parts[0]);
		long fraction = parts.length > 1 ? Long.parseLong((parts[1] + "00").substring(0, 2)) : 0;
		return new Money(units * 100 + (text.startsWith("-") ? -fraction : fraction), currency);
	}

	public Money plus(Money other) {
		check(other);
		return new Money(Math.addExact(cents, other.cents), currency);
	}

	public Money minus(Money other) {
		check(other);
		return new Money(Math.subtractExact(cents, other.cents), currency);
	}

	public Money times(int factor) {
		return new Money(Math.multiplyExact(cents, factor), currency);
	}

	/** Splits the amount by the ratios, giving the remainder cents to the first parts. */
	public Money[] allocate(int... ratios) {
		long total = 0;
		for (int ratio : ratios) {
			total += ratio;
		}
		Money[] parts = new Money[ratios.length];
		long remainder = cents;
		for (int i = 0; i < ratios.length; i++) {
			long share = cents * ratios[i] / total;
			parts[i] = new Money(share, currency);
			remainder -= share;
		}
		for (int i = 0; remainder > 0; i = (i + 1) % parts.length) {
			parts[i] = new Money(parts[i].cents + 1, currency);
			remainder--;
		}
		return parts;
	}

	public long cents() {
		return cents;
	}

	private void check(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException(currency + " and " + other.currency);
		}
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Money m && m.cents == cents && m.currency.equals(currency);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(cents) * 31 + currency.hashCode();
	}

	@Override
	public String toString() {
		long abs = Math.abs(cents);
		return (cents < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100) + " " + currency;
	}
}
