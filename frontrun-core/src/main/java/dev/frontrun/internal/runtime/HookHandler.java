package dev.frontrun.internal.runtime;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * What runs behind the hooks that instrumented code calls through {@link Hooks}: {@link PassThroughHandler}
 * outside an exploration, the scheduler during one.
 *
 * <p>Every method gets the id of the instrumented instruction, which {@link Sites#get} turns into its
 * {@link Site}. Methods are called on whatever thread runs instrumented code, managed or not, including a thread
 * that runs a class's static initializer ({@link Site#methodName()} is {@code <clinit>} there) and a thread
 * that is already inside the handler, should the handler itself call instrumented code.
 *
 * <p>Three families:
 * <ul>
 * <li><b>Accesses</b> ({@link #getField} to {@link #call}, and {@link #monitorEnter}) are reported
 * <em>before</em> the instruction runs; the instruction then runs as compiled. {@link #casOutcome} and
 * {@link #monitorExit} are reported <em>after</em> it.</li>
 * <li><b>Replaced calls</b> ({@link #waitOn} to {@link #threadYield}): the instrumented code no longer makes the
 * call, the handler must perform the operation itself (or its model of it), with the original's
 * exceptions and blocking behaviour as far as the program can observe them.</li>
 * <li>A hook may throw an unchecked exception or error to abort the calling thread; the instruction it
 * precedes then does not run ({@link #monitorExit} has a caveat for old class files: see there).</li>
 * </ul>
 */
public interface HookHandler {

	/**
	 * Before {@code GETFIELD}: a read of an instance field, which the site's {@link Site.FieldRef} names. Not
	 * called for reads of final fields.
	 *
	 * @param owner the object whose field is read, {@code null} when the instruction is about to throw
	 *        {@code NullPointerException}
	 * @param site the site id
	 */
	void getField(Object owner, int site);

	/**
	 * Before {@code PUTFIELD}: a write of an instance field. Not called in a constructor before its
	 * {@code super(...)} or {@code this(...)} call, where the object is not initialized yet.
	 *
	 * @param owner the object whose field is written, {@code null} when the instruction is about to throw
	 * @param site the site id
	 */
	void putField(Object owner, int site);

	/**
	 * Before {@code GETSTATIC}: a read of a static field, keyed by the site's {@link Site.FieldRef}. Not called
	 * for reads of final fields.
	 *
	 * @param site the site id
	 */
	void getStatic(int site);

	/**
	 * Before {@code PUTSTATIC}: a write of a static field.
	 *
	 * @param site the site id
	 */
	void putStatic(int site);

	/**
	 * Before {@code *ALOAD}: a read of an array element.
	 *
	 * @param array the array, {@code null} when the load is about to throw {@code NullPointerException}
	 * @param index the index, possibly out of bounds when the load is about to throw
	 * @param site the site id
	 */
	void arrayLoad(Object array, int index, int site);

	/**
	 * Before {@code *ASTORE}: a write of an array element.
	 *
	 * @param array the array, {@code null} when the store is about to throw {@code NullPointerException}
	 * @param index the index, possibly out of bounds when the store is about to throw
	 * @param site the site id
	 */
	void arrayStore(Object array, int index, int site);

	/**
	 * Before {@code ARRAYLENGTH}.
	 *
	 * @param array the array, {@code null} when the instruction is about to throw
	 * @param site the site id
	 */
	void arrayLength(Object array, int site);

	/**
	 * Before a call from instrumented code into a method of a class that frontrun does not instrument (the JDK,
	 * a library), on a receiver that may be mutable. The site's kind says what the call does to the receiver:
	 * {@link SiteKind#CALL_READ}, {@link SiteKind#CALL_WRITE}, or {@link SiteKind#CAS}, in which case
	 * {@link #casOutcome} follows when the call returns.
	 *
	 * @param receiver the object the method is called on, {@code null} when the call is about to throw
	 *        {@code NullPointerException}
	 * @param site the site id
	 */
	void call(Object receiver, int site);

	/**
	 * Like {@link #call}, for a method of {@code AtomicIntegerArray}, {@code AtomicLongArray} or
	 * {@code AtomicReferenceArray} whose first argument is an element index: the call uses that element only,
	 * so calls on different elements do not conflict.
	 *
	 * @param receiver the atomic array, {@code null} when the call is about to throw
	 * @param index the element's index
	 * @param site the site id
	 */
	void callElement(Object receiver, int index, int site);

	/**
	 * Like {@link #call}, for a method of a {@code VarHandle} or of a field updater ({@code AtomicIntegerFieldUpdater}
	 * and the like): the call uses one field of one object (or one array element), which the handle names and the
	 * arguments give, so that it conflicts with the field instructions on that field of that object.
	 *
	 * @param handle the handle or updater, {@code null} when the call is about to throw
	 * @param object the call's first argument if it is an object (the object of an instance field, the array of an
	 *        element), else {@code null}
	 * @param index the call's second argument if it is an {@code int} (an array element's index), else 0
	 * @param site the site id
	 */
	default void callHandle(Object handle, Object object, int index, int site) {
		call(handle, site);
	}

	/**
	 * After a compare-and-set call that returned, so that a failed one can count as a read only.
	 *
	 * @param succeeded what the call returned
	 * @param site the site id, the same as the {@link #call} before it
	 */
	void casOutcome(boolean succeeded, int site);

	/**
	 * Before {@code MONITORENTER}, and at the entry of a {@code synchronized} method, whose monitor the
	 * instrumented code now takes explicitly, after this hook. The real monitor is taken once this returns, so
	 * a scheduler that lets one thread at a time past this hook for a given monitor never blocks in it.
	 *
	 * @param monitor the object about to be locked (the class object for a static synchronized method);
	 *        {@code null} when the instruction is about to throw
	 * @param site the site id
	 */
	void monitorEnter(Object monitor, int site);

	/**
	 * After {@code MONITOREXIT}, once the real monitor is released, and after each exit of a
	 * {@code synchronized} method, normal or exceptional.
	 *
	 * <p>It runs outside the exception range that releases the monitor when the method throws, so an exception
	 * thrown here propagates with the monitor released, once. Except in class files older than Java 7, whose
	 * jump targets cannot be told without frames: there it runs inside that range, and a throw would make the
	 * compiler's handler release the monitor again and fail; a handler should not abort such code here.
	 *
	 * @param monitor the object just unlocked
	 * @param site the site id
	 */
	void monitorExit(Object monitor, int site);

	/**
	 * Replaces {@code monitor.wait()}.
	 *
	 * @param monitor the object waited on, which the caller should hold
	 * @param site the site id
	 * @throws InterruptedException as {@link Object#wait()} does
	 */
	void waitOn(Object monitor, int site) throws InterruptedException;

	/**
	 * Replaces {@code monitor.wait(millis)}.
	 *
	 * @param monitor the object waited on
	 * @param millis the timeout, {@code 0} for none
	 * @param site the site id
	 * @throws InterruptedException as {@link Object#wait(long)} does
	 */
	void waitOn(Object monitor, long millis, int site) throws InterruptedException;

	/**
	 * Replaces {@code monitor.wait(millis, nanos)}.
	 *
	 * @param monitor the object waited on
	 * @param millis the timeout's milliseconds
	 * @param nanos the timeout's extra nanoseconds
	 * @param site the site id
	 * @throws InterruptedException as {@link Object#wait(long, int)} does
	 */
	void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException;

	/**
	 * Replaces {@code monitor.notify()}.
	 *
	 * @param monitor the object notified, which the caller should hold
	 * @param site the site id
	 */
	void notifyOne(Object monitor, int site);

	/**
	 * Replaces {@code monitor.notifyAll()}.
	 *
	 * @param monitor the object notified
	 * @param site the site id
	 */
	void notifyAll(Object monitor, int site);

	/**
	 * Replaces {@code thread.start()}, including on subclasses of {@code Thread} (an override of {@code start}
	 * runs when the handler calls {@code thread.start()}).
	 *
	 * @param thread the thread to start
	 * @param site the site id
	 */
	void threadStart(Thread thread, int site);

	/**
	 * Replaces {@code thread.join()}.
	 *
	 * @param thread the thread to wait for
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#join()} does
	 */
	void threadJoin(Thread thread, int site) throws InterruptedException;

	/**
	 * Replaces {@code thread.join(millis)}.
	 *
	 * @param thread the thread to wait for
	 * @param millis the timeout, {@code 0} for none
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#join(long)} does
	 */
	void threadJoin(Thread thread, long millis, int site) throws InterruptedException;

	/**
	 * Replaces {@code thread.join(millis, nanos)}.
	 *
	 * @param thread the thread to wait for
	 * @param millis the timeout's milliseconds
	 * @param nanos the timeout's extra nanoseconds
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#join(long, int)} does
	 */
	void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException;

	/**
	 * Replaces {@code Thread.sleep(millis)}.
	 *
	 * @param millis how long to sleep
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#sleep(long)} does
	 */
	void sleep(long millis, int site) throws InterruptedException;

	/**
	 * Replaces {@code Thread.sleep(millis, nanos)}.
	 *
	 * @param millis how long to sleep, in milliseconds
	 * @param nanos the extra nanoseconds
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#sleep(long, int)} does
	 */
	void sleep(long millis, int nanos, int site) throws InterruptedException;

	/**
	 * Replaces {@code Thread.yield()}.
	 *
	 * @param site the site id
	 */
	void threadYield(int site);

	/**
	 * Replaces {@code condition.await()} in instrumented code.
	 *
	 * @param condition the condition
	 * @param site the site id
	 * @throws InterruptedException as {@link Condition#await()} does
	 */
	default void conditionAwait(Condition condition, int site) throws InterruptedException {
		condition.await();
	}

	/**
	 * Replaces {@code condition.awaitUninterruptibly()}.
	 *
	 * @param condition the condition
	 * @param site the site id
	 */
	default void conditionAwaitUninterruptibly(Condition condition, int site) {
		condition.awaitUninterruptibly();
	}

	/**
	 * Replaces {@code condition.awaitNanos(nanos)}.
	 *
	 * @param condition the condition
	 * @param nanos the timeout
	 * @param site the site id
	 * @return as {@link Condition#awaitNanos} does
	 * @throws InterruptedException as {@link Condition#awaitNanos} does
	 */
	default long conditionAwaitNanos(Condition condition, long nanos, int site) throws InterruptedException {
		return condition.awaitNanos(nanos);
	}

	/**
	 * Replaces {@code condition.await(time, unit)}.
	 *
	 * @param condition the condition
	 * @param time the timeout
	 * @param unit its unit
	 * @param site the site id
	 * @return as {@link Condition#await(long, TimeUnit)} does
	 * @throws InterruptedException as {@link Condition#await(long, TimeUnit)} does
	 */
	default boolean conditionAwait(Condition condition, long time, TimeUnit unit, int site)
			throws InterruptedException {
		return condition.await(time, unit);
	}

	/**
	 * Replaces {@code condition.awaitUntil(deadline)}.
	 *
	 * @param condition the condition
	 * @param deadline the deadline
	 * @param site the site id
	 * @return as {@link Condition#awaitUntil} does
	 * @throws InterruptedException as {@link Condition#awaitUntil} does
	 */
	default boolean conditionAwaitUntil(Condition condition, Date deadline, int site) throws InterruptedException {
		return condition.awaitUntil(deadline);
	}

	/**
	 * Replaces {@code condition.signal()}.
	 *
	 * @param condition the condition
	 * @param site the site id
	 */
	default void conditionSignal(Condition condition, int site) {
		condition.signal();
	}

	/**
	 * Replaces {@code condition.signalAll()}.
	 *
	 * @param condition the condition
	 * @param site the site id
	 */
	default void conditionSignalAll(Condition condition, int site) {
		condition.signalAll();
	}

	// ----------------------------------------------------------------------------------- hooks in JDK classes
	//
	// The agent retransforms a few JDK classes so that they call these; they have defaults that leave the JDK as
	// it is, so a handler that does not control threads need not implement them. They are called from JDK code on
	// any thread, with no site of the user's code.

	/**
	 * At the entry of each {@code LockSupport.park*} method, before the thread parks.
	 *
	 * @param blocker the blocker passed to the method, or {@code null}
	 * @param time {@code 0} for an untimed park, the nanoseconds of {@code parkNanos}, or the deadline in epoch
	 *        milliseconds of {@code parkUntil}
	 * @param mode {@link Hooks#PARK}, {@link Hooks#PARK_NANOS} or {@link Hooks#PARK_UNTIL}
	 * @return {@code true} when the handler has performed the park (or its model of it), so that the real one is
	 *         skipped; {@code false} to park for real
	 */
	default boolean park(Object blocker, long time, int mode) {
		return false;
	}

	/**
	 * At the entry of {@code LockSupport.unpark}.
	 *
	 * @param thread the thread to unpark, possibly {@code null}
	 * @return {@code true} when the handler has performed the unpark (or its model of it), so that the real one is
	 *         skipped
	 */
	default boolean unpark(Thread thread) {
		return false;
	}

	/**
	 * At the entry of {@code Thread.start()}, whoever calls it, JDK code included (an executor starting a worker).
	 *
	 * @param thread the thread about to start
	 */
	default void threadStarting(Thread thread) {
	}

	/**
	 * At the entry of {@code Thread.interrupt()}, before the interrupt status is set.
	 *
	 * @param thread the thread about to be interrupted
	 */
	default void threadInterrupting(Thread thread) {
	}

	/**
	 * At the entry of a JDK method that changes its receiver's hidden state on a thread that may run no user code
	 * around it: an executor's worker taking its next task, a future task running or completing.
	 *
	 * @param receiver the object whose method runs
	 * @param site the site id naming the method
	 */
	default void jdkCall(Object receiver, int site) {
	}

	/**
	 * Replaces {@code System.nanoTime()} in {@code java.util.concurrent}, whose timed waits read it.
	 *
	 * @return the time in nanoseconds, on a clock of the handler's choice
	 */
	default long nanoTime() {
		return System.nanoTime();
	}

	/**
	 * Replaces {@code System.currentTimeMillis()} in {@code java.util.concurrent}.
	 *
	 * @return the time in milliseconds, on a clock of the handler's choice
	 */
	default long currentTimeMillis() {
		return System.currentTimeMillis();
	}
}
