package example.counter;

/**
 * A counter whose {@link #increment()} is not atomic: it reads the value, adds one and writes it back.
 * Two threads that both read before either writes lose one increment.
 *
 * <p>Here the trace markers stand alone on their lines. A marker comment alone on a line gates the next
 * statement; a marker at the end of a line (as in {@code BankAccount}) gates that line. Name a marker after
 * the operation it gates, not with {@code before_} or {@code after_}.
 */
public class Counter {

	private int value;

	/** Adds one to the value. Not thread-safe. */
	public void increment() {
		// frontrun: read_value
		int temp = value;
		temp += 1;
		// frontrun: write_value
		value = temp;
	}

	/**
	 * Returns the value.
	 *
	 * @return the number of increments that were not lost
	 */
	public int value() {
		return value;
	}
}
