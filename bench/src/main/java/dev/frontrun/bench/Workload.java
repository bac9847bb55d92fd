package dev.frontrun.bench;

/**
 * One benchmark program, written once and run by every tool: a fresh state, the threads that act on it, and the
 * check of the final state. The frontrun driver hands the parts to {@code Frontrun.explore}; the Fray and Lincheck
 * drivers run them as a plain test body ({@link #runPlain()}): set up, start the threads, join them, check.
 *
 * <p>Subclasses live in {@code benchmarks.workloads}, a package that frontrun's agent instruments (it leaves
 * {@code dev.frontrun.*} alone), so that their {@link #run} and the classes it uses are seen by every tool.
 *
 * @param <S> the shared state
 */
public abstract class Workload<S> {

	/** What a correct tool reports on the workload. */
	public enum Expect {
		/** No interleaving breaks it. */
		HOLDS,
		/** Some interleaving fails the check or throws. */
		VIOLATION,
		/** Some interleaving deadlocks. */
		DEADLOCK
	}

	/** @return short id used on the command line and in the tables, such as {@code w1} */
	public abstract String id();

	/** @return one line saying what the threads do */
	public abstract String title();

	/** @return the number of threads */
	public abstract int threads();

	/** @return a fresh state for one execution */
	public abstract S setup();

	/**
	 * The body of one thread.
	 *
	 * @param state the shared state
	 * @param thread the thread's index, from 0
	 */
	public abstract void run(S state, int thread);

	/**
	 * Checks the final state, after all threads finished.
	 *
	 * @param state the state
	 * @throws AssertionError if it is wrong
	 */
	public void check(S state) {
	}

	/** @return what a correct tool reports */
	public abstract Expect expect();

	/** @return the number of Mazurkiewicz traces (optimal DPOR's exact execution count), or -1 if not known */
	public long traces() {
		return -1;
	}

	/** @return the execution budget of one DPOR run: large enough to exhaust, except for W4's 756,756 traces */
	public long budget() {
		return 1_000_000;
	}

	/**
	 * Runs one execution as an ordinary multi-threaded test body, for tools that control the threads themselves:
	 * set up, start the threads, join them, check. The threads are instances of a {@link Thread} subclass that
	 * holds the state in a field. Lincheck 3.7 misses the races of a body handed to {@code new Thread(Runnable)}
	 * (a Runnable class or a capturing lambda: it reports the seed's lost update as passing), but not those of a
	 * Thread subclass; see {@link #runPlainWithRunnables()}, which the harness runs under Lincheck to show it.
	 *
	 * @throws InterruptedException never, in practice
	 */
	public final void runPlain() throws InterruptedException {
		S state = setup();
		int n = threads();
		Thread[] started = new Thread[n];
		for (int i = 0; i < n; i++) {
			started[i] = new WorkerThread<>(this, state, i);
		}
		startJoinCheck(state, started);
	}

	/**
	 * {@link #runPlain()} with the thread bodies handed to {@code new Thread(Runnable)} instead.
	 *
	 * @throws InterruptedException never, in practice
	 */
	public final void runPlainWithRunnables() throws InterruptedException {
		S state = setup();
		int n = threads();
		Thread[] started = new Thread[n];
		for (int i = 0; i < n; i++) {
			started[i] = new Thread(new Body<>(this, state, i), "bench-" + i);
		}
		startJoinCheck(state, started);
	}

	private void startJoinCheck(S state, Thread[] started) throws InterruptedException {
		startAll(started);
		joinAll(started);
		check(state);
	}

	/**
	 * Starts up to 16 threads in straight-line code. Lincheck 3.7 takes a loop that runs more than about ten times
	 * in the test's main thread for a spin lock ("switch (reason: active lock detected)"): with a loop here, it
	 * reported indexer(13) as hung and ended lastzero(10) after 3 invocations.
	 */
	private static void startAll(Thread[] t) {
		int n = t.length;
		if (n > 16) {
			throw new IllegalArgumentException("at most 16 threads");
		}
		// @formatter:off
		if (n > 0) { t[0].start(); } if (n > 1) { t[1].start(); } if (n > 2) { t[2].start(); }
		if (n > 3) { t[3].start(); } if (n > 4) { t[4].start(); } if (n > 5) { t[5].start(); }
		if (n > 6) { t[6].start(); } if (n > 7) { t[7].start(); } if (n > 8) { t[8].start(); }
		if (n > 9) { t[9].start(); } if (n > 10) { t[10].start(); } if (n > 11) { t[11].start(); }
		if (n > 12) { t[12].start(); } if (n > 13) { t[13].start(); } if (n > 14) { t[14].start(); }
		if (n > 15) { t[15].start(); }
		// @formatter:on
	}

	private static void joinAll(Thread[] t) throws InterruptedException {
		int n = t.length;
		// @formatter:off
		if (n > 0) { t[0].join(); } if (n > 1) { t[1].join(); } if (n > 2) { t[2].join(); }
		if (n > 3) { t[3].join(); } if (n > 4) { t[4].join(); } if (n > 5) { t[5].join(); }
		if (n > 6) { t[6].join(); } if (n > 7) { t[7].join(); } if (n > 8) { t[8].join(); }
		if (n > 9) { t[9].join(); } if (n > 10) { t[10].join(); } if (n > 11) { t[11].join(); }
		if (n > 12) { t[12].join(); } if (n > 13) { t[13].join(); } if (n > 14) { t[14].join(); }
		if (n > 15) { t[15].join(); }
		// @formatter:on
	}

	private static final class WorkerThread<S> extends Thread {
		private final Workload<S> workload;
		private final S state;
		private final int index;

		WorkerThread(Workload<S> workload, S state, int index) {
			super("bench-" + index);
			this.workload = workload;
			this.state = state;
			this.index = index;
		}

		@Override
		public void run() {
			workload.run(state, index);
		}
	}

	private static final class Body<S> implements Runnable {
		private final Workload<S> workload;
		private final S state;
		private final int thread;

		Body(Workload<S> workload, S state, int thread) {
			this.workload = workload;
			this.state = state;
			this.thread = thread;
		}

		@Override
		public void run() {
			workload.run(state, thread);
		}
	}
}
