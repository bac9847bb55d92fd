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

	/** @return the fixed execution budget of one run, for spaces too large to exhaust */
	public long budget() {
		return 10_000;
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
		for (Thread thread : started) {
			thread.start();
		}
		for (Thread thread : started) {
			thread.join();
		}
		check(state);
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
