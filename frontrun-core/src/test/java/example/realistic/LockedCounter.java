package example.realistic;

import java.util.concurrent.locks.ReentrantLock;

/** A counter guarded by a ReentrantLock. */
public class LockedCounter {

	private final ReentrantLock lock = new ReentrantLock();
	private long count;

	/** Adds to the count. */
	public void add(long amount) {
		lock.lock();
		try {
			count += amount;
		} finally {
			lock.unlock();
		}
	}

	/** Returns the count. */
	public long get() {
		lock.lock();
		try {
			return count;
		} finally {
			lock.unlock();
		}
	}
}
