package example.corpus;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Racy and safe programs, each with the verdict DPOR must reach. Racy: lost update, check-then-act on a HashMap,
 * lazy initialisation that creates twice, a compound operation on two synchronized methods, deadlocks with
 * synchronized, a lost wakeup. Safe: the same done right.
 */
public final class Corpus {

	private Corpus() {
	}

	/** Check-then-act on a HashMap: both threads may see the key absent and both insert. */
	public static final class Registry {
		public final Map<String, Integer> map = new HashMap<>();
		public int inserts;

		public void registerOnce(int id) {
			if (!map.containsKey("key")) {
				map.put("key", id);
				inserts++;
			}
		}
	}

	/** Lazy initialisation without a lock: two threads may both create the instance. */
	public static final class Lazy {
		public Object instance;
		public int created;

		public Object get() {
			if (instance == null) {
				instance = new Object();
				created++;
			}
			return instance;
		}
	}

	/** Each method is synchronized, but deposit calls two of them: not atomic as a whole. */
	public static final class Account {
		private int balance;

		public synchronized int balance() {
			return balance;
		}

		public synchronized void setBalance(int value) {
			balance = value;
		}

		public void deposit(int amount) {
			setBalance(balance() + amount);
		}

		public synchronized void depositAtomically(int amount) {
			balance = balance + amount;
		}
	}

	/** Two monitors taken in opposite orders. */
	public static final class TwoLocks {
		public final Object first = new Object();
		public final Object second = new Object();
		public int work;

		public void firstThenSecond() {
			synchronized (first) {
				synchronized (second) {
					work++;
				}
			}
		}

		public void secondThenFirst() {
			synchronized (second) {
				synchronized (first) {
					work++;
				}
			}
		}
	}

	/** A flag checked outside the monitor: the notification can come between the check and the wait. */
	public static final class Signal {
		public final Object lock = new Object();
		public boolean ready;
		public boolean consumed;

		public void awaitReadyBroken() throws InterruptedException {
			if (!ready) {
				synchronized (lock) {
					lock.wait();
				}
			}
			consumed = true;
		}

		public void awaitReady() throws InterruptedException {
			synchronized (lock) {
				while (!ready) {
					lock.wait();
				}
			}
			consumed = true;
		}

		public void signalBroken() {
			ready = true;
			synchronized (lock) {
				lock.notify();
			}
		}

		public void signal() {
			synchronized (lock) {
				ready = true;
				lock.notify();
			}
		}
	}

	/** A bounded buffer of one slot with wait and notifyAll in loops: correct. */
	public static final class Buffer {
		private final Deque<Integer> items = new ArrayDeque<>();
		public int sum;

		public synchronized void put(int item) throws InterruptedException {
			while (!items.isEmpty()) {
				wait();
			}
			items.add(item);
			notifyAll();
		}

		public synchronized int take() throws InterruptedException {
			while (items.isEmpty()) {
				wait();
			}
			int item = items.removeFirst();
			notifyAll();
			return item;
		}
	}

	/** Safe counting with a concurrent map and an atomic. */
	public static final class Tally {
		public final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
		public final AtomicInteger atomic = new AtomicInteger();

		public void count() {
			map.merge("key", 1, Integer::sum);
			atomic.incrementAndGet();
		}
	}

	/** Runs an action that may be interrupted, as a thread body. */
	public static void uninterruptibly(Interruptible action) {
		try {
			action.run();
		} catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** An action that may be interrupted. */
	public interface Interruptible {
		void run() throws InterruptedException;
	}

	public static void produce(Buffer buffer) {
		uninterruptibly(() -> {
			buffer.put(1);
			buffer.put(2);
		});
	}

	public static void consume(Buffer buffer) {
		uninterruptibly(() -> {
			int first = buffer.take();
			int second = buffer.take();
			buffer.sum = first * 10 + second;
		});
	}
}
