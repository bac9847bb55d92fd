package example.instrument;

/** Synchronized blocks and methods, left normally and by an exception, nested, instance and static. */
public class Monitors {

	private static int total;
	private final Object lock = new Object();
	private int count;

	/** A synchronized block. */
	public int block() {
		synchronized (lock) { // @block-enter
			count++; // @block-body
		} // @block-exit
		return count; // @after-block
	}

	/** A synchronized method; tells whether the real monitor is held in its body. */
	public synchronized boolean method() {
		count++; // @method-body
		return Thread.holdsLock(this); // @method-return
	}

	/** A static synchronized method. */
	public static synchronized int staticMethod() {
		return ++total; // @static-body
	}

	/** A block inside a block, calling a synchronized method. */
	public boolean nested() {
		synchronized (lock) { // @outer-enter
			synchronized (this) { // @inner-enter
				return method(); // @nested-call
			}
		}
	}

	/** A synchronized block left by an exception. */
	public void throwingBlock() {
		synchronized (lock) { // @throwing-block-enter
			throw new IllegalStateException("from a block"); // @throwing-block-throw
		} // @throwing-block-exit
	}

	/** A synchronized method left by an exception. */
	public synchronized void throwingMethod() {
		throw new IllegalStateException("from a method"); // @throwing-method-throw
	}

	/** A synchronized method with several returns and a loop back to its first line. */
	public synchronized int loop(int times) {
		for (int i = 0; i < times; i++) { // @loop-head
			if (i == 3) { // @loop-test
				return i; // @early-return
			}
		}
		return -1; // @late-return
	}

	/** Tells whether the calling thread holds this object's or the lock's monitor. */
	public boolean holdsAnyMonitor() {
		return Thread.holdsLock(this) || Thread.holdsLock(lock) || Thread.holdsLock(Monitors.class);
	}
}
