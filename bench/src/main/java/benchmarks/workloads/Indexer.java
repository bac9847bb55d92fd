package benchmarks.workloads;

import dev.frontrun.bench.Workload;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * indexer(N) (Flanagan and Godefroid): N threads each insert 4 keys into a 128-slot table with compare-and-set and
 * linear probing. Correct; 64 traces for N = 13 (shared/oracles/README.md).
 */
public final class Indexer extends Workload<AtomicIntegerArray> {

	private final int n;

	/** @param n the number of threads */
	public Indexer(int n) {
		this.n = n;
	}

	@Override
	public String id() {
		return "indexer";
	}

	@Override
	public String title() {
		return "indexer(" + n + "): " + n + " threads × 4 CAS inserts, 128-slot AtomicIntegerArray";
	}

	@Override
	public int threads() {
		return n;
	}

	@Override
	public AtomicIntegerArray setup() {
		return new AtomicIntegerArray(128);
	}

	@Override
	public void run(AtomicIntegerArray table, int tid) {
		for (int i = 0; i < 4; i++) {
			int w = i * 11 + tid;
			int h = (w * 7) % 128;
			while (!table.compareAndSet(h, 0, w)) {
				h = (h + 1) % 128;
			}
		}
	}

	@Override
	public void check(AtomicIntegerArray table) {
		int filled = 0;
		for (int i = 0; i < table.length(); i++) {
			if (table.get(i) != 0) {
				filled++;
			}
		}
		// key 0 (i = 0, tid = 0) is indistinguishable from an empty slot
		if (filled != 4 * n - 1) {
			throw new AssertionError(filled + " slots filled, expected " + (4 * n - 1));
		}
	}

	@Override
	public Expect expect() {
		return Expect.HOLDS;
	}

	@Override
	public long traces() {
		return n <= 11 ? 1 : 1L << (3 * (n - 11));
	}
}
