package example.hidden;

/**
 * A library-like class that frontrun does not see into: the failsafe configuration of this module excludes
 * {@code example.hidden.*} from instrumentation ({@code -Dfrontrun.excludePackages=example.hidden.*}), as if it came
 * from a jar outside {@code tracePackages}.
 *
 * <p>Every {@code Stock} is a handle on one hidden, static count of items, shared by all handles: two threads that use
 * two different handles share state that frontrun cannot see. Calls into it from instrumented code are scheduling
 * points, each a write of its own handle, so DPOR takes two threads using two handles for independent.
 */
public final class Stock {

	private static int items;

	/**
	 * Puts the hidden count back, as each execution's setup must.
	 *
	 * @param count the items in stock
	 */
	public static void restock(int count) {
		items = count;
	}

	/**
	 * The hidden count, for invariants.
	 *
	 * @return the items left; negative when more were taken than there were
	 */
	public static int items() {
		return items;
	}

	/**
	 * Tells whether an item is left.
	 *
	 * @return {@code true} if one is
	 */
	public boolean available() {
		return items > 0;
	}

	/** Takes an item, whether or not one is left. */
	public void take() {
		items--;
	}
}
