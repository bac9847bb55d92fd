package example.patterns;

/**
 * The wrong-lock bug (SCTBench's wronglock): one counter, two locks. Each increment holds a lock, but not the same
 * one, so an increment under one lock can read the counter while an increment under the other is between its read
 * and its write, and one update is lost.
 */
public final class WrongLock {

	private final Object lockA = new Object();
	private final Object lockB = new Object();
	public int count;

	/** Increments under the first lock. */
	public void incrementUnderA() {
		synchronized (lockA) {
			count = count + 1;
		}
	}

	/** Increments under the other lock, as a careless second author did. */
	public void incrementUnderB() {
		synchronized (lockB) {
			count = count + 1;
		}
	}
}
