package example.instrument;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** Method references, conditions, parking, read-write locks and a VarHandle, as call sites see them. */
public class Concurrency {

	private static final VarHandle VALUE;

	static {
		try {
			VALUE = MethodHandles.lookup().findVarHandle(Concurrency.class, "value", int.class);
		} catch (ReflectiveOperationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private final List<String> list = new ArrayList<>(List.of("a"));
	private final ReentrantLock lock = new ReentrantLock();
	private final Condition condition = lock.newCondition();
	private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
	volatile int value;

	/** Method references to uninstrumented methods go through bridges that report them. */
	public int references() {
		Supplier<Integer> size = list::size; // @size-reference
		Runnable clear = list::clear; // @clear-reference
		int before = size.get();
		clear.run();
		return before * 10 + size.get();
	}

	/** Condition waits and signals, parking, and interrupts. */
	public long conditions() throws InterruptedException {
		lock.lock(); // @lock
		try {
			condition.signal(); // @signal
			long left = condition.awaitNanos(1); // @await-nanos
			LockSupport.unpark(Thread.currentThread()); // @unpark
			LockSupport.parkNanos(this, 1); // @park
			return Thread.interrupted() ? -1 : left <= 0 ? 0 : 1; // @interrupted
		} finally {
			lock.unlock(); // @unlock
		}
	}

	/** The getters of a read-write lock are not reported; its locks are. */
	public boolean readWrite() {
		rw.readLock().lock(); // @read-lock
		rw.readLock().unlock(); // @read-unlock
		return rw.isWriteLocked(); // @write-locked
	}

	/** A compare-and-set through a VarHandle. */
	public boolean handle() {
		return VALUE.compareAndSet(this, 0, 1); // @handle-cas
	}
}
