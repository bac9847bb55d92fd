package benchmarks.workloads;

import dev.frontrun.bench.Workload;

/**
 * The seed's counter (frontrun's Python README): two threads call {@code increment}, which reads a plain field and
 * writes it back plus one, so one update can be lost. 4 traces (GenMC's inc(2)); the lost update is a data race on
 * a plain field.
 */
public final class LostUpdate extends Workload<LostUpdate.Counter> {

	/** The seed's counter. */
	public static final class Counter {
		int value;

		void increment() {
			int temp = value;
			value = temp + 1;
		}
	}

	@Override
	public String id() {
		return "counter";
	}

	@Override
	public String title() {
		return "the seed's counter: 2 threads, temp = value; value = temp + 1 (plain field)";
	}

	@Override
	public int threads() {
		return 2;
	}

	@Override
	public Counter setup() {
		return new Counter();
	}

	@Override
	public void run(Counter counter, int thread) {
		counter.increment();
	}

	@Override
	public void check(Counter counter) {
		if (counter.value != 2) {
			throw new AssertionError("lost update: value is " + counter.value + ", expected 2");
		}
	}

	@Override
	public Expect expect() {
		return Expect.VIOLATION;
	}

	@Override
	public long traces() {
		return 4;
	}
}
