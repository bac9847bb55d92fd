package benchmarks.workloads;

import dev.frontrun.bench.Workload;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * lastzero(N) (Abdulla et al.): a reader scans an array from N down to the first 0 while writer j (1..N) sets
 * {@code a[j] = a[j-1] + 1}. Correct; (N+3)·2^(N−2) traces, 3,328 for N = 10. The array is an
 * {@link AtomicIntegerArray} rather than an {@code int[]} so that Fray, which interleaves only synchronization and
 * atomics, sees the same accesses; an element's get is a read and its set a write, as for a plain array.
 */
public final class LastZero extends Workload<AtomicIntegerArray> {

	private final int n;

	/** @param n the number of writers */
	public LastZero(int n) {
		this.n = n;
	}

	@Override
	public String id() {
		return "lastzero";
	}

	@Override
	public String title() {
		return "lastzero(" + n + "): 1 reader + " + n + " writers on an AtomicIntegerArray";
	}

	@Override
	public int threads() {
		return n + 1;
	}

	@Override
	public AtomicIntegerArray setup() {
		return new AtomicIntegerArray(n + 1);
	}

	@Override
	public void run(AtomicIntegerArray a, int thread) {
		if (thread == 0) {
			int i = n;
			while (a.get(i) != 0) {
				i--;
			}
		} else {
			a.set(thread, a.get(thread - 1) + 1);
		}
	}

	@Override
	public Expect expect() {
		return Expect.HOLDS;
	}

	@Override
	public long traces() {
		return (n + 3L) << (n - 2);
	}
}
