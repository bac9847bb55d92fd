package dev.frontrun.internal.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that run an exploration's bodies, kept from one execution to the next: starting a thread costs more
 * than the rest of a small execution does.
 *
 * <p>Before each body a kept thread is made to look as a new one would: no interrupt, no thread-local values, the
 * {@code ThreadLocalRandom} state of a thread that never used it (which {@code LongAdder} and
 * {@code ConcurrentHashMap} read to spread contention, so it must not carry over from one execution to the next),
 * and the context class loader, priority and inheritable thread-locals of the thread that runs the exploration.
 * Where that cannot be done (the JVM does not let frontrun reset these fields, or the exploring thread has
 * inheritable thread-local values a new thread would copy), every body gets a new thread, as before.
 *
 * <p>A thread is handed out again only once its last body has returned. A thread that is still inside a body (an
 * abandoned execution left it blocked where frontrun cannot wake it) is replaced, and ends when that body returns.
 */
final class BodyThreads implements AutoCloseable {

	private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
	private static final Reset RESET = Reset.find();

	private final List<BodyThread> threads = new ArrayList<>();
	private final boolean reuse;

	/** Keeps threads for the bodies of executions run by the calling thread. */
	BodyThreads() {
		this.reuse = RESET != null && RESET.canReuseFor(Thread.currentThread());
	}

	/**
	 * A thread to run body {@code index} of the next execution, idle until {@link BodyThread#execute} gives it the
	 * body. A thread that frontrun cannot reset, or that is still in a body, is replaced by a new one.
	 *
	 * @param index the body's index
	 * @return a kept thread whose last body has returned, or a new one
	 */
	BodyThread take(int index) {
		while (threads.size() <= index) {
			threads.add(null);
		}
		BodyThread kept = threads.get(index);
		if (kept != null && kept.idle() && reuse) {
			return kept;
		}
		if (kept != null) {
			kept.retire();
		}
		BodyThread fresh = new BodyThread("frontrun-" + index, reuse);
		threads.set(index, fresh);
		return fresh;
	}

	/** Lets every kept thread end once its body, if any, returns. */
	@Override
	public void close() {
		for (BodyThread thread : threads) {
			if (thread != null) {
				thread.retire();
			}
		}
		threads.clear();
	}

	/**
	 * A thread that runs one body after another, each handed to it by {@link #execute}. While it runs a body it
	 * belongs to one execution, which finds its worker through {@link #workerFor} without a map lookup.
	 */
	static final class BodyThread extends Thread {

		private final boolean reusable;
		private final ClassLoader loader;
		private final int priority;
		private volatile Job next;
		/** The last body given to this thread, which other threads read to find its worker. */
		private volatile Job assigned;
		private volatile boolean running;
		private volatile boolean retired;
		private volatile Thread idleWaiter;
		private Object execution;
		private Worker worker;

		BodyThread(String name, boolean reusable) {
			super(name);
			this.reusable = reusable;
			Thread creator = Thread.currentThread();
			this.loader = creator.getContextClassLoader();
			this.priority = creator.getPriority();
			setDaemon(true);
		}

		/**
		 * This thread's worker if it runs a body of {@code execution} now, or {@code null}; only the thread itself
		 * asks, and only it sets what it answers from, as it begins and ends a body.
		 */
		Worker workerFor(Object execution) {
			return this.execution == execution ? worker : null;
		}

		/**
		 * This thread's worker in {@code execution} if it was given a body of it, or {@code null}: for other threads
		 * that look it up (to unpark it, say), from the moment {@link #execute} is called.
		 */
		Worker assignedIn(Object execution) {
			Job job = assigned;
			return job != null && job.execution() == execution ? job.worker() : null;
		}

		/**
		 * Runs a body on this thread, as the given worker of an execution, starting the thread the first time.
		 *
		 * @param execution the execution the body belongs to
		 * @param worker the worker that the body is in it
		 * @param body the body
		 */
		void execute(Object execution, Worker worker, Runnable body) {
			running = true;
			Job job = new Job(execution, worker, body);
			assigned = job;
			next = job;
			if (getState() == State.NEW) {
				start();
			} else {
				LockSupport.unpark(this);
			}
		}

		/** Whether the last body has returned (or none was given yet), so the thread can take another. */
		boolean idle() {
			return !running && isAlive() || getState() == State.NEW;
		}

		/**
		 * Waits until the current body has returned, for at most {@code nanos}.
		 *
		 * @return whether it has
		 */
		boolean awaitIdle(long nanos) {
			long deadline = System.nanoTime() + nanos;
			idleWaiter = Thread.currentThread();
			try {
				while (running) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return false;
					}
					LockSupport.parkNanos(this, Math.min(left, PARK_NANOS));
					if (Thread.interrupted()) {
						Thread.currentThread().interrupt();
						return !running;
					}
				}
				return true;
			} finally {
				idleWaiter = null;
			}
		}

		/** Ends the thread once its current body, if any, returns. */
		void retire() {
			retired = true;
			LockSupport.unpark(this);
		}

		@Override
		public void run() {
			while (true) {
				Job job = next;
				if (job == null) {
					if (retired) {
						return;
					}
					LockSupport.parkNanos(this, PARK_NANOS);
					continue;
				}
				next = null;
				execution = job.execution();
				worker = job.worker();
				try {
					job.body().run();
				} finally {
					execution = null;
					worker = null;
					if (reusable && !retired) {
						RESET.reset(this);
					}
					running = false;
					Thread waiter = idleWaiter;
					if (waiter != null) {
						LockSupport.unpark(waiter);
					}
				}
				if (!reusable) {
					return;
				}
			}
		}
	}

	/** A body to run, and the worker of which execution it is. */
	private record Job(Object execution, Worker worker, Runnable body) {
	}

	/** Resets the fields of a thread that a body may have changed to what a new thread would have. */
	private static final class Reset {

		private final VarHandle threadLocals;
		private final VarHandle inheritableThreadLocals;
		private final VarHandle randomSeed;
		private final VarHandle randomProbe;
		private final VarHandle randomSecondarySeed;

		private Reset(MethodHandles.Lookup thread) throws ReflectiveOperationException {
			Class<?> map = Class.forName("java.lang.ThreadLocal$ThreadLocalMap");
			threadLocals = thread.findVarHandle(Thread.class, "threadLocals", map);
			inheritableThreadLocals = thread.findVarHandle(Thread.class, "inheritableThreadLocals", map);
			randomSeed = thread.findVarHandle(Thread.class, "threadLocalRandomSeed", long.class);
			randomProbe = thread.findVarHandle(Thread.class, "threadLocalRandomProbe", int.class);
			randomSecondarySeed = thread.findVarHandle(Thread.class, "threadLocalRandomSecondarySeed", int.class);
		}

		/** The reset, or {@code null} when the JVM does not open {@code java.lang} to frontrun (no agent). */
		static Reset find() {
			try {
				return new Reset(MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup()));
			} catch (ReflectiveOperationException | RuntimeException e) {
				return null;
			}
		}

		/** Whether a new thread created by {@code creator} would start with no inheritable thread-local values. */
		boolean canReuseFor(Thread creator) {
			return inheritableThreadLocals.get(creator) == null;
		}

		void reset(BodyThread thread) {
			Thread.interrupted();
			threadLocals.set(thread, null);
			inheritableThreadLocals.set(thread, null);
			randomSeed.set(thread, 0L);
			randomProbe.set(thread, 0);
			randomSecondarySeed.set(thread, 0);
			thread.setContextClassLoader(thread.loader);
			thread.setPriority(thread.priority);
			thread.setUncaughtExceptionHandler(null);
		}
	}
}
