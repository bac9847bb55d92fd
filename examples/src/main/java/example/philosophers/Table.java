package example.philosophers;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Three dining philosophers: each takes the fork on the left, then the one on the right. If all three take their
 * left fork first, each waits for a fork the next one holds: a deadlock.
 */
public class Table {

	private final ReentrantLock[] forks = { new ReentrantLock(), new ReentrantLock(), new ReentrantLock() };
	private int meals;

	/** Philosopher {@code seat} eats once. */
	public void dine(int seat) {
		ReentrantLock left = forks[seat];
		ReentrantLock right = forks[(seat + 1) % forks.length];
		left.lock();
		try {
			right.lock();
			try {
				meals++;
			} finally {
				right.unlock();
			}
		} finally {
			left.unlock();
		}
	}

	/**
	 * Returns how many meals were eaten.
	 *
	 * @return the number of meals
	 */
	public int meals() {
		return meals;
	}
}
