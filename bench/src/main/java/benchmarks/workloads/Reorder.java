package benchmarks.workloads;

import dev.frontrun.bench.Workload;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reordering bug of SCTBench (reorder_X_bad), with S setters and one checker: each setter writes
 * {@code a = 1; b = -1;}, the checker reads a then b and expects (0,0) or (1,-1); reading between a setter's two
 * writes gives (1,0). {@code a} and {@code b} are atomics, so that every tool interleaves them. The checker records
 * what it saw and the final check fails on a bad pair, so a tool sees the bug the same way whether or not it reports
 * exceptions in threads.
 */
public final class Reorder extends Workload<Reorder.Pair> {

	/** The pair, and what the checker saw. */
	public static final class Pair {
		final AtomicInteger a = new AtomicInteger();
		final AtomicInteger b = new AtomicInteger();
		int seenA;
		int seenB;
	}

	private final int setters;

	/** @param setters the number of setter threads */
	public Reorder(int setters) {
		this.setters = setters;
	}

	@Override
	public String id() {
		return "reorder";
	}

	@Override
	public String title() {
		return "reorder: " + setters + " setters (a = 1; b = -1) + 1 checker expecting (0,0) or (1,-1)";
	}

	@Override
	public int threads() {
		return setters + 1;
	}

	@Override
	public Pair setup() {
		return new Pair();
	}

	@Override
	public void run(Pair pair, int thread) {
		if (thread < setters) {
			pair.a.set(1);
			pair.b.set(-1);
		} else {
			int a = pair.a.get();
			int b = pair.b.get();
			pair.seenA = a;
			pair.seenB = b;
		}
	}

	@Override
	public void check(Pair pair) {
		boolean ok = (pair.seenA == 0 && pair.seenB == 0) || (pair.seenA == 1 && pair.seenB == -1);
		if (!ok) {
			throw new AssertionError("checker saw (" + pair.seenA + "," + pair.seenB + ")");
		}
	}

	@Override
	public Expect expect() {
		return Expect.VIOLATION;
	}
}
