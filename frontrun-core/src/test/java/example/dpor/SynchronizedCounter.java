package example.dpor;

/** A counter whose increment holds the monitor: safe. */
public class SynchronizedCounter {

	private int value;

	public synchronized void increment() {
		value = value + 1;
	}

	public int value() {
		synchronized (this) {
			return value;
		}
	}
}
