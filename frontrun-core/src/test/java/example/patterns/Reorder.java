package example.patterns;

/**
 * The reordering bug (SCTBench's reorder): setters write {@code a = 1; b = -1;}, and a checker asserts that the pair
 * it reads is {@code (0, 0)} or {@code (1, -1)}. A checker that reads between one setter's two writes sees
 * {@code (1, 0)}; one that reads a before and b after sees {@code (0, -1)}.
 */
public final class Reorder {

	public int a;
	public int b;

	/** A setter. */
	public void set() {
		a = 1;
		b = -1;
	}

	/** The checker. */
	public void check() {
		int seenA = a;
		int seenB = b;
		if (!(seenA == 0 && seenB == 0 || seenA == 1 && seenB == -1)) {
			throw new AssertionError("the checker saw (" + seenA + ", " + seenB + ")");
		}
	}
}
