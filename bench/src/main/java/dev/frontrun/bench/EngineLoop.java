package dev.frontrun.bench;

import com.sun.management.ThreadMXBean;
import dev.frontrun.internal.engine.DporExplorer;
import dev.frontrun.internal.engine.ExplorerOptions;
import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.Resource;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The DPOR engine alone, without threads, bytecode hooks or the agent: drives a {@link DporExplorer} over simulated
 * programs, as a runtime would, and prints the nanoseconds (wall and this thread's CPU time, which other load on the
 * machine disturbs less) and bytes allocated per execution. The simulated
 * threads allocate nothing per step, so what is measured is the engine's {@code announce}, {@code nextThread},
 * {@code executed} and {@code endExecution}. Each program is explored over and over for a warm-up and then a
 * measured period; every exploration must explore the expected number of executions.
 *
 * <p>Run it after {@code mvn -Pbench package}, with {@code java -cp bench/target/classes:frontrun-core/target/classes
 * dev.frontrun.bench.EngineLoop [seconds per program]}; with the argument {@code cold} it measures only the first
 * three explorations of W1 in a new JVM instead.
 */
public final class EngineLoop {

	/** A simulated program: threads that announce and perform one operation per scheduling point. */
	private interface Program {

		/** How many threads the setup starts. */
		int threads();

		/** Restores the initial state, before an execution. */
		void reset();

		/** The operation a thread announces next, or null when it ends. */
		Operation next(int thread);

		/** Performs a thread's announced operation and returns what it did. */
		Operation perform(int thread);
	}

	/** W1: two threads, each calling {@code incrementAndGet} on one atomic integer three times; 20 traces. */
	private static final class AtomicIncrements implements Program {

		private static final Operation WRITE = Operation.write(new Resource("field", 0));
		private final int[] done = new int[2];

		@Override
		public int threads() {
			return done.length;
		}

		@Override
		public void reset() {
			done[0] = 0;
			done[1] = 0;
		}

		@Override
		public Operation next(int thread) {
			return done[thread] < 3 ? WRITE : null;
		}

		@Override
		public Operation perform(int thread) {
			done[thread]++;
			return WRITE;
		}
	}

	/**
	 * lastzero(N): over {@code int[] a = new int[N+1]}, a reader {@code for (i = N; a[i] != 0; i--);} and writers j
	 * in 1..N doing {@code a[j] = a[j-1] + 1}.
	 */
	private static final class LastZero implements Program {

		private final int writers;
		private final Operation[] reads;
		private final Operation[] writes;
		private final int[] memory;
		private final int[] step;
		private final int[] value;
		private int index;
		private boolean found;

		LastZero(int writers) {
			this.writers = writers;
			reads = new Operation[writers + 1];
			writes = new Operation[writers + 1];
			for (int cell = 0; cell <= writers; cell++) {
				reads[cell] = Operation.read(new Resource("array", cell));
				writes[cell] = Operation.write(new Resource("array", cell));
			}
			memory = new int[writers + 1];
			step = new int[writers + 1];
			value = new int[writers + 1];
		}

		@Override
		public int threads() {
			return writers + 1;
		}

		@Override
		public void reset() {
			Arrays.fill(memory, 0);
			Arrays.fill(step, 0);
			index = writers;
			found = false;
		}

		@Override
		public Operation next(int thread) {
			if (thread == 0) {
				return found ? null : reads[index];
			}
			return switch (step[thread]) {
				case 0 -> reads[thread - 1];
				case 1 -> writes[thread];
				default -> null;
			};
		}

		@Override
		public Operation perform(int thread) {
			if (thread == 0) {
				Operation read = reads[index];
				if (memory[index] == 0) {
					found = true;
				} else {
					index--;
				}
				return read;
			}
			if (step[thread]++ == 0) {
				value[thread] = memory[thread - 1];
				return reads[thread - 1];
			}
			memory[thread] = value[thread] + 1;
			return writes[thread];
		}
	}

	private EngineLoop() {
	}

	/**
	 * Measures each program.
	 *
	 * @param args optionally, the seconds to measure each program for (default 5, after as long a warm-up), or
	 *        {@code cold}
	 */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("cold")) {
			cold();
			return;
		}
		double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
		measure("W1 (2 threads x 3 incrementAndGet)", new AtomicIncrements(), 20, seconds);
		measure("lastzero(5)", new LastZero(5), 64, seconds);
		measure("lastzero(10)", new LastZero(10), 3328, seconds);
	}

	/**
	 * Measures the first explorations of W1 in this JVM, as a test run sees them: the first with the engine's classes
	 * still to load, the next ones with its code still mostly interpreted.
	 */
	private static void cold() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		for (int exploration = 1; exploration <= 3; exploration++) {
			long bytes = threads.getThreadAllocatedBytes(thread);
			long start = System.nanoTime();
			long executions = explore(new AtomicIncrements(), 20);
			long elapsed = System.nanoTime() - start;
			bytes = threads.getThreadAllocatedBytes(thread) - bytes;
			System.out.printf(Locale.ROOT, "%-36s %8.0f ns/execution %8.0f bytes/execution%n",
					"W1, exploration " + exploration + " in a new JVM", (double) elapsed / executions,
					(double) bytes / executions);
		}
	}

	private static void measure(String name, Program program, long traces, double seconds) {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		long budget = (long) (seconds * 1e9);
		for (long start = System.nanoTime(); System.nanoTime() - start < budget;) {
			explore(program, traces);
		}
		long executions = 0;
		long bytes = threads.getThreadAllocatedBytes(thread);
		long cpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		long elapsed;
		do {
			executions += explore(program, traces);
			elapsed = System.nanoTime() - start;
		} while (elapsed < budget);
		cpu = threads.getCurrentThreadCpuTime() - cpu;
		bytes = threads.getThreadAllocatedBytes(thread) - bytes;
		System.out.printf(Locale.ROOT, "%-36s %8.0f ns/execution (CPU %8.0f) %8.0f bytes/execution (%d executions)%n",
				name, (double) elapsed / executions, (double) cpu / executions, (double) bytes / executions,
				executions);
	}

	/** Explores every trace of a program once; returns the number of executions. */
	private static long explore(Program program, long traces) {
		DporExplorer explorer = new DporExplorer(ExplorerOptions.defaults());
		while (explorer.beginExecution()) {
			program.reset();
			for (int thread = 0; thread < program.threads(); thread++) {
				explorer.started(thread);
			}
			for (int thread = 0; thread < program.threads(); thread++) {
				reachNext(explorer, program, thread);
			}
			for (OptionalInt next = explorer.nextThread(); next.isPresent(); next = explorer.nextThread()) {
				int thread = next.getAsInt();
				explorer.executed(thread, program.perform(thread));
				reachNext(explorer, program, thread);
			}
			explorer.endExecution();
		}
		if (explorer.executions() != traces || !explorer.exhausted()) {
			throw new IllegalStateException("Explored " + explorer.executions() + " executions, expected " + traces);
		}
		return explorer.executions();
	}

	private static void reachNext(DporExplorer explorer, Program program, int thread) {
		Operation next = program.next(thread);
		if (next == null) {
			explorer.finished(thread);
		} else {
			explorer.announce(thread, next);
		}
	}
}
