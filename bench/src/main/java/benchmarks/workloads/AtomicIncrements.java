package benchmarks.workloads;

import dev.frontrun.bench.Workload;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W1 and W4 of shared/notes/anchors.md §b.2: every thread calls {@code incrementAndGet} on one
 * {@link AtomicInteger} the same number of times. Correct; all the increments conflict, so the number of traces is
 * the multinomial (threads × increments)! / (increments!)^threads: 20 for 2 × 3, 756,756 for 3 × 5.
 */
public final class AtomicIncrements extends Workload<AtomicInteger> {

	private final String id;
	private final int threads;
	private final int increments;
	private final long budget;

	/**
	 * @param id the id
	 * @param threads the number of threads
	 * @param increments increments per thread
	 * @param budget the execution budget of one run
	 */
	public AtomicIncrements(String id, int threads, int increments, long budget) {
		this.id = id;
		this.threads = threads;
		this.increments = increments;
		this.budget = budget;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String title() {
		return threads + " threads × " + increments + " incrementAndGet on one AtomicInteger";
	}

	@Override
	public int threads() {
		return threads;
	}

	@Override
	public AtomicInteger setup() {
		return new AtomicInteger();
	}

	@Override
	public void run(AtomicInteger counter, int thread) {
		for (int i = 0; i < increments; i++) {
			counter.incrementAndGet();
		}
	}

	@Override
	public void check(AtomicInteger counter) {
		if (counter.get() != threads * increments) {
			throw new AssertionError("counter is " + counter.get() + ", expected " + threads * increments);
		}
	}

	@Override
	public Expect expect() {
		return Expect.HOLDS;
	}

	@Override
	public long traces() {
		long traces = 1;
		int placed = 0;
		for (int t = 0; t < threads; t++) {
			for (int i = 1; i <= increments; i++) {
				placed++;
				traces = traces * placed / i;
			}
		}
		return traces;
	}

	@Override
	public long budget() {
		return budget;
	}
}
