package benchmarks.workloads;

import dev.frontrun.bench.Workload;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Three dining philosophers with {@link ReentrantLock} forks, each taking the left fork, then the right: 7 traces,
 * one of which deadlocks (shared/oracles/README.md).
 */
public final class Philosophers extends Workload<ReentrantLock[]> {

	@Override
	public String id() {
		return "philosophers";
	}

	@Override
	public String title() {
		return "3 dining philosophers, ReentrantLock forks, left then right";
	}

	@Override
	public int threads() {
		return 3;
	}

	@Override
	public ReentrantLock[] setup() {
		return new ReentrantLock[] { new ReentrantLock(), new ReentrantLock(), new ReentrantLock() };
	}

	@Override
	public void run(ReentrantLock[] forks, int seat) {
		ReentrantLock left = forks[seat];
		ReentrantLock right = forks[(seat + 1) % forks.length];
		left.lock();
		right.lock();
		right.unlock();
		left.unlock();
	}

	@Override
	public Expect expect() {
		return Expect.DEADLOCK;
	}

	@Override
	public long traces() {
		return 7;
	}
}
