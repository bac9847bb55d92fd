package example.oracles;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The programs of shared/oracles/README.md, written in plain Java, with their shared state. The tests run them
 * under DPOR and check the exact number of executions.
 */
public final class Oracles {

	private Oracles() {
	}

	/** Shared state: one plain int, one volatile int, a monitor, a lock, an atomic. */
	public static final class Shared {
		public int x;
		public volatile int v;
		public final Object monitor = new Object();
		public final ReentrantLock lock = new ReentrantLock();
		public final AtomicInteger atomic = new AtomicInteger();
	}

	// readers(N): 1 writer, N readers

	public static void write42(Shared s) {
		s.x = 42;
	}

	public static void readX(Shared s) {
		int r = s.x;
		consume(r);
	}

	public static void write42Volatile(Shared s) {
		s.v = 42;
	}

	public static void readVolatile(Shared s) {
		int r = s.v;
		consume(r);
	}

	// inc(N): lost update

	public static void inc(Shared s) {
		int r = s.x;
		s.x = r + 1;
	}

	public static void incVolatile(Shared s) {
		int r = s.v;
		s.v = r + 1;
	}

	// ainc(N)

	public static void ainc(Shared s) {
		s.atomic.incrementAndGet();
	}

	// lockinc(N)

	public static void syncInc(Shared s) {
		synchronized (s.monitor) {
			s.x = s.x + 1;
		}
	}

	public static void lockInc(Shared s) {
		s.lock.lock();
		try {
			s.x = s.x + 1;
		} finally {
			s.lock.unlock();
		}
	}

	// lockcounter: twice, lock; r = c; c = r + 1; unlock

	public static void lockCounter(Shared s) {
		for (int i = 0; i < 2; i++) {
			s.lock.lock();
			int r = s.x;
			s.x = r + 1;
			s.lock.unlock();
		}
	}

	// lastzero(N)

	/** The array of lastzero. */
	public static final class LastZero {
		public final int[] a;

		public LastZero(int n) {
			a = new int[n + 1];
		}
	}

	public static void lastZeroReader(LastZero s) {
		int i = s.a.length - 1;
		while (s.a[i] != 0) {
			i--;
		}
		consume(i);
	}

	public static void lastZeroWriter(LastZero s, int j) {
		s.a[j] = s.a[j - 1] + 1;
	}

	// indexer(N)

	/** The hash table of indexer. */
	public static final class Table {
		public final AtomicIntegerArray slots = new AtomicIntegerArray(128);
	}

	public static void indexer(Table t, int tid) {
		for (int i = 0; i < 4; i++) {
			int w = i * 11 + tid;
			int h = (w * 7) % 128;
			while (!t.slots.compareAndSet(h, 0, w)) {
				h = (h + 1) % 128;
			}
		}
	}

	// philosophers(3)

	/** The forks of the dining philosophers. */
	public static final class Forks {
		public final ReentrantLock[] forks = { new ReentrantLock(), new ReentrantLock(), new ReentrantLock() };
	}

	public static void philosopher(Forks f, int i) {
		ReentrantLock left = f.forks[i];
		ReentrantLock right = f.forks[(i + 1) % f.forks.length];
		left.lock();
		right.lock();
		right.unlock();
		left.unlock();
	}

	private static void consume(int value) {
		if (value == Integer.MIN_VALUE) {
			throw new IllegalStateException();
		}
	}
}
