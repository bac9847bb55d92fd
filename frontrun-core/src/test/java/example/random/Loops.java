package example.random;

import example.dpor.Counter;
import example.oracles.Oracles.Shared;

/** Thread bodies that repeat an operation, in instrumented code (the tests in dev.frontrun are not instrumented). */
public final class Loops {

	private Loops() {
	}

	/**
	 * Increments a plain field, one read and one write each time.
	 *
	 * @param shared the state
	 * @param times how many times
	 */
	public static void incrementField(Shared shared, int times) {
		for (int i = 0; i < times; i++) {
			shared.x++;
		}
	}

	/**
	 * Increments the atomic, one scheduling point each time.
	 *
	 * @param shared the state
	 * @param times how many times
	 */
	public static void incrementAtomic(Shared shared, int times) {
		for (int i = 0; i < times; i++) {
			shared.atomic.incrementAndGet();
		}
	}

	/**
	 * Increments the seed's counter twice: four scheduling points.
	 *
	 * @param counter the counter
	 */
	public static void incrementTwice(Counter counter) {
		counter.increment();
		counter.increment();
	}
}
