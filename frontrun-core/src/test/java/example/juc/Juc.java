package example.juc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Programs over java.util.concurrent, racy and safe, each with the verdict DPOR must reach.
 */
public final class Juc {

	private Juc() {
	}

	/** An action that may be interrupted or fail, as a thread body. */
	public interface Action {
		void run() throws Exception;
	}

	/** Runs an action as a thread body, wrapping checked exceptions. */
	public static void unchecked(Action action) {
		try {
			action.run();
		} catch (RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	// ------------------------------------------------------------------------ ReentrantReadWriteLock

	/** A counter behind a read-write lock. */
	public static final class Guarded {
		public final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
		public int x;
		public int seen = -1;

		public void write() {
			rw.writeLock().lock();
			try {
				x = x + 1;
			} finally {
				rw.writeLock().unlock();
			}
		}

		public void lockAndUnlockWrite() {
			rw.writeLock().lock();
			rw.writeLock().unlock();
		}

		public void read() {
			rw.readLock().lock();
			try {
				seen = x;
			} finally {
				rw.readLock().unlock();
			}
		}

		public void readOnly() {
			rw.readLock().lock();
			try {
				int value = x;
				if (value < 0) {
					throw new IllegalStateException();
				}
			} finally {
				rw.readLock().unlock();
			}
		}

		/** The bug: an update under the read lock, which other readers share. */
		public void updateUnderReadLock() {
			rw.readLock().lock();
			try {
				x = x + 1;
			} finally {
				rw.readLock().unlock();
			}
		}

		/** Takes the read lock, then the write lock: a read lock cannot be upgraded, so this never returns. */
		public void upgrade() {
			rw.readLock().lock();
			rw.writeLock().lock();
			x = x + 1;
			rw.writeLock().unlock();
			rw.readLock().unlock();
		}

		/** Writes under the write lock, then downgrades to the read lock and reads. */
		public void downgrade() {
			rw.writeLock().lock();
			x = x + 1;
			rw.readLock().lock();
			rw.writeLock().unlock();
			seen = x;
			rw.readLock().unlock();
		}
	}

	// ---------------------------------------------------------------------------------- Condition

	/** A one-slot buffer with a lock and two conditions. */
	public static final class Slot {
		private final ReentrantLock lock = new ReentrantLock();
		private final Condition notEmpty = lock.newCondition();
		private final Condition notFull = lock.newCondition();
		private Integer item;
		public int sum;
		public boolean ready;
		public boolean consumed;

		public void put(int value) throws InterruptedException {
			lock.lock();
			try {
				while (item != null) {
					notFull.await();
				}
				item = value;
				notEmpty.signal();
			} finally {
				lock.unlock();
			}
		}

		public int take() throws InterruptedException {
			lock.lock();
			try {
				while (item == null) {
					notEmpty.await();
				}
				int value = item;
				item = null;
				notFull.signal();
				return value;
			} finally {
				lock.unlock();
			}
		}

		/** The bug: checks the flag outside the lock, so the signal can come between the check and the await. */
		public void awaitReadyBroken() throws InterruptedException {
			if (!ready) {
				lock.lock();
				try {
					notEmpty.await();
				} finally {
					lock.unlock();
				}
			}
			consumed = true;
		}

		public void signalReady() {
			ready = true;
			lock.lock();
			try {
				notEmpty.signal();
			} finally {
				lock.unlock();
			}
		}

		/** Waits for the flag with a timeout; records whether it was signalled in time. */
		public boolean awaitReadyFor(long millis) throws InterruptedException {
			lock.lock();
			try {
				long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
				while (!ready) {
					if (nanos <= 0) {
						return false;
					}
					nanos = notEmpty.awaitNanos(nanos);
				}
				return true;
			} finally {
				lock.unlock();
			}
		}

		public void signalReadyUnderLock() {
			lock.lock();
			try {
				ready = true;
				notEmpty.signalAll();
			} finally {
				lock.unlock();
			}
		}
	}

	public static void produceTwo(Slot slot) {
		unchecked(() -> {
			slot.put(1);
			slot.put(2);
		});
	}

	public static void consumeTwo(Slot slot) {
		unchecked(() -> {
			int first = slot.take();
			int second = slot.take();
			slot.sum = first * 10 + second;
		});
	}

	// ---------------------------------------------------------------------------------- Semaphore

	/** A counter guarded by a semaphore. */
	public static final class Permits {
		public final Semaphore semaphore;
		public int x;

		public Permits(int permits) {
			semaphore = new Semaphore(permits);
		}

		public void increment() {
			semaphore.acquireUninterruptibly();
			try {
				x = x + 1;
			} finally {
				semaphore.release();
			}
		}
	}

	// ----------------------------------------------------------------------------- CountDownLatch

	/** A value published before (or, broken, after) a latch is counted down. */
	public static final class Published {
		public final CountDownLatch latch = new CountDownLatch(1);
		public int value;
		public int seen = -1;
		public boolean counted;

		public void publish() {
			value = 42;
			latch.countDown();
		}

		public void publishLate() {
			latch.countDown();
			value = 42;
		}

		public void await() {
			unchecked(latch::await);
			seen = value;
		}

		public void awaitBriefly() {
			unchecked(() -> counted = latch.await(50, TimeUnit.MILLISECONDS));
		}
	}

	// ------------------------------------------------------------------------------ CyclicBarrier

	/** Two threads that each write their slot, meet at a barrier, then read the other's. */
	public static final class Meeting {
		public final CyclicBarrier barrier = new CyclicBarrier(2);
		public final int[] slots = new int[2];
		public final int[] seen = { -1, -1 };

		public void meet(int me) {
			slots[me] = me + 1;
			unchecked(() -> {
				try {
					barrier.await();
				} catch (BrokenBarrierException e) {
					throw new IllegalStateException(e);
				}
			});
			seen[me] = slots[1 - me];
		}
	}

	// ---------------------------------------------------------------------------- blocking queues

	/** A producer and a consumer over a blocking queue. */
	public static final class Pipe {
		public final BlockingQueue<Integer> queue;
		public int sum;

		public Pipe(BlockingQueue<Integer> queue) {
			this.queue = queue;
		}

		public static Pipe arrayBlocking() {
			return new Pipe(new ArrayBlockingQueue<>(1));
		}

		public static Pipe linkedBlocking() {
			return new Pipe(new LinkedBlockingQueue<>(1));
		}

		public static Pipe synchronous() {
			return new Pipe(new SynchronousQueue<>());
		}

		public void produce() {
			unchecked(() -> {
				queue.put(1);
				queue.put(2);
			});
		}

		public void consume() {
			unchecked(() -> {
				int first = queue.take();
				int second = queue.take();
				sum = first * 10 + second;
			});
		}
	}

	// ---------------------------------------------------------------------------------- LockSupport

	/** A flag handed over with park and unpark. */
	public static final class Parking {
		public volatile Thread waiter;
		public volatile boolean flag;
		public boolean done;

		public void waitForFlag() {
			waiter = Thread.currentThread();
			while (!flag) {
				LockSupport.park(this);
			}
			done = true;
		}

		public void raiseFlag() {
			flag = true;
			Thread thread = waiter;
			if (thread != null) {
				LockSupport.unpark(thread);
			}
		}

		/** The bug: the waiter checks the flag once before it publishes itself, so the unpark can miss it. */
		public void waitForFlagBroken() {
			if (!flag) {
				waiter = Thread.currentThread();
				LockSupport.park(this);
			}
			done = true;
		}
	}

	// ---------------------------------------------------------------------------------- executors

	/** A pool and a counter its tasks increment. */
	public static final class Pool {
		public final ExecutorService executor;
		public int plain;
		public final AtomicInteger atomic = new AtomicInteger();
		public int result = -1;
		public int seen = -1;

		public Pool(int threads) {
			executor = Executors.newFixedThreadPool(threads);
		}

		public static Pool single() {
			return new Pool(1);
		}

		public static Pool two() {
			return new Pool(2);
		}

		public void twoPlainIncrements(boolean shutdown) {
			unchecked(() -> {
				Future<?> first = executor.submit(() -> plain = plain + 1);
				Future<?> second = executor.submit(() -> plain = plain + 1);
				first.get();
				second.get();
				if (shutdown) {
					executor.shutdown();
				}
			});
		}

		public void twoAtomicIncrements() {
			unchecked(() -> {
				Future<?> first = executor.submit(() -> atomic.incrementAndGet());
				Future<?> second = executor.submit(() -> atomic.incrementAndGet());
				first.get();
				second.get();
			});
		}

		/** Submits a task that writes a field, and reads the field after {@code Future.get}. */
		public void getSeesTheTasksWrite() {
			unchecked(() -> {
				Future<Integer> future = executor.submit(() -> {
					plain = 7;
					return 6;
				});
				result = future.get();
				seen = plain;
			});
		}

		/** The bug: reads the field the task writes before waiting for the task. */
		public void readsBeforeGet() {
			unchecked(() -> {
				Future<Integer> future = executor.submit(() -> {
					plain = 7;
					return 6;
				});
				seen = plain;
				result = future.get();
			});
		}

		public void shutdownAndAwait() {
			unchecked(() -> {
				executor.submit(() -> plain = 1);
				executor.shutdown();
				result = executor.awaitTermination(1, TimeUnit.MINUTES) ? 1 : 0;
				seen = plain;
			});
		}
	}

	// -------------------------------------------------------------------------------- interrupts

	/** A thread that waits where nobody wakes it, and a thread it starts that interrupts it. */
	public static final class Interrupted {
		public final CountDownLatch never = new CountDownLatch(1);
		public boolean sawInterrupt;
		public boolean stillInterrupted;

		private static Thread interrupter() {
			Thread waiter = Thread.currentThread();
			Thread interrupter = new Thread(waiter::interrupt);
			interrupter.start();
			return interrupter;
		}

		public void awaitForever() {
			Thread interrupter = interrupter();
			try {
				never.await();
			} catch (InterruptedException e) {
				sawInterrupt = true;
			}
			unchecked(interrupter::join);
		}

		public void parkForever() {
			Thread interrupter = interrupter();
			while (!Thread.currentThread().isInterrupted()) {
				LockSupport.park();
			}
			stillInterrupted = Thread.currentThread().isInterrupted();
			sawInterrupt = true;
			Thread.interrupted();
			unchecked(interrupter::join);
		}

		public void sleepInterrupted() {
			Thread.currentThread().interrupt();
			try {
				Thread.sleep(10_000);
			} catch (InterruptedException e) {
				sawInterrupt = true;
			}
		}
	}
}
