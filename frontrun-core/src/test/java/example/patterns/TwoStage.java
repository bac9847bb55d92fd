package example.patterns;

/**
 * The two-stage bug (SCTBench's twostage): one thread updates two values in two stages, each under its own lock; a
 * checker reads them, each under its lock, and expects the second stage to follow the first. Each access is locked,
 * but the pair is not: a checker that reads between the stages sees the first done and the second not.
 */
public final class TwoStage {

	private final Object first = new Object();
	private final Object second = new Object();
	public int data1;
	public int data2;

	/** The two stages. */
	public void update() {
		synchronized (first) {
			data1 = 1;
		}
		synchronized (second) {
			data2 = data1 + 1;
		}
	}

	/** The checker. */
	public void check() {
		int seen1;
		int seen2;
		synchronized (first) {
			seen1 = data1;
		}
		synchronized (second) {
			seen2 = data2;
		}
		if (seen1 == 1 && seen2 != seen1 + 1) {
			throw new AssertionError("stage one done, stage two not: data1 = " + seen1 + ", data2 = " + seen2);
		}
	}
}
