package dev.frontrun.internal.runtime;

import dev.frontrun.internal.trace.ManagedThread;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The static methods that instrumented code calls. They must stay cheap for threads that frontrun does not
 * manage, which is every thread outside an exploration.
 *
 * <p>Each access, monitor and replaced-call hook reads the installed {@link HookHandler} (one volatile read) and
 * calls the same method on it; {@link HookHandler} says when each is called and what it must do. The last
 * parameter of each is a site id from {@link Sites}. {@link PassThroughHandler} is installed until a scheduler
 * installs its own.
 */
public final class Hooks {

	/** The mode of {@code LockSupport.park()} and {@code park(Object)}. */
	public static final int PARK = 0;

	/** The mode of {@code LockSupport.parkNanos}. */
	public static final int PARK_NANOS = 1;

	/** The mode of {@code LockSupport.parkUntil}. */
	public static final int PARK_UNTIL = 2;

	private static volatile HookHandler handler = PassThroughHandler.INSTANCE;

	private Hooks() {
	}

	/**
	 * Installs the handler that every hook delegates to, from now on, in every thread.
	 *
	 * @param newHandler the handler; {@link PassThroughHandler#INSTANCE} to stop observing
	 * @return the handler it replaces
	 */
	public static HookHandler install(HookHandler newHandler) {
		HookHandler previous = handler;
		handler = Objects.requireNonNull(newHandler, "newHandler");
		return previous;
	}

	/**
	 * Returns the installed handler.
	 *
	 * @return the handler, never {@code null}
	 */
	public static HookHandler handler() {
		return handler;
	}

	/**
	 * Gates the calling thread at a marker; a no-op in threads that no executor manages.
	 *
	 * @param name the marker's name
	 */
	public static void marker(String name) {
		if (Thread.currentThread() instanceof ManagedThread thread) {
			thread.gate(name);
		}
	}

	/**
	 * Called before {@code GETFIELD}; see {@link HookHandler#getField}.
	 *
	 * @param owner the object whose field is read
	 * @param site the site id
	 */
	public static void getField(Object owner, int site) {
		handler.getField(owner, site);
	}

	/**
	 * Called before {@code PUTFIELD}; see {@link HookHandler#putField}.
	 *
	 * @param owner the object whose field is written
	 * @param site the site id
	 */
	public static void putField(Object owner, int site) {
		handler.putField(owner, site);
	}

	/**
	 * Called before {@code GETSTATIC}; see {@link HookHandler#getStatic}.
	 *
	 * @param site the site id
	 */
	public static void getStatic(int site) {
		handler.getStatic(site);
	}

	/**
	 * Called before {@code PUTSTATIC}; see {@link HookHandler#putStatic}.
	 *
	 * @param site the site id
	 */
	public static void putStatic(int site) {
		handler.putStatic(site);
	}

	/**
	 * Called before {@code *ALOAD}; see {@link HookHandler#arrayLoad}.
	 *
	 * @param array the array
	 * @param index the index
	 * @param site the site id
	 */
	public static void arrayLoad(Object array, int index, int site) {
		handler.arrayLoad(array, index, site);
	}

	/**
	 * Called before {@code *ASTORE}; see {@link HookHandler#arrayStore}.
	 *
	 * @param array the array
	 * @param index the index
	 * @param site the site id
	 */
	public static void arrayStore(Object array, int index, int site) {
		handler.arrayStore(array, index, site);
	}

	/**
	 * Called before {@code ARRAYLENGTH}; see {@link HookHandler#arrayLength}.
	 *
	 * @param array the array
	 * @param site the site id
	 */
	public static void arrayLength(Object array, int site) {
		handler.arrayLength(array, site);
	}

	/**
	 * Called before a call into uninstrumented code; see {@link HookHandler#call}.
	 *
	 * @param receiver the object the method is called on
	 * @param site the site id
	 */
	public static void call(Object receiver, int site) {
		handler.call(receiver, site);
	}

	/**
	 * Called before a call on one element of an atomic array; see {@link HookHandler#callElement}.
	 *
	 * @param receiver the atomic array
	 * @param index the element's index, the call's first argument
	 * @param site the site id
	 */
	public static void callElement(Object receiver, int index, int site) {
		handler.callElement(receiver, index, site);
	}

	/**
	 * Called before a call on a {@code VarHandle} or a field updater; see {@link HookHandler#callHandle}.
	 *
	 * @param handle the handle or updater
	 * @param object the first argument if it is an object, else {@code null}
	 * @param index the second argument if it is an {@code int}, else 0
	 * @param site the site id
	 */
	public static void callHandle(Object handle, Object object, int index, int site) {
		handler.callHandle(handle, object, index, site);
	}

	/**
	 * Called after a compare-and-set call returns; see {@link HookHandler#casOutcome}.
	 *
	 * @param succeeded what the call returned
	 * @param site the site id
	 */
	public static void casOutcome(boolean succeeded, int site) {
		handler.casOutcome(succeeded, site);
	}

	/**
	 * Called before {@code MONITORENTER}; see {@link HookHandler#monitorEnter}.
	 *
	 * @param monitor the object about to be locked
	 * @param site the site id
	 */
	public static void monitorEnter(Object monitor, int site) {
		handler.monitorEnter(monitor, site);
	}

	/**
	 * Called after {@code MONITOREXIT}; see {@link HookHandler#monitorExit}.
	 *
	 * @param monitor the object just unlocked
	 * @param site the site id
	 */
	public static void monitorExit(Object monitor, int site) {
		handler.monitorExit(monitor, site);
	}

	/**
	 * Replaces {@code monitor.wait()}.
	 *
	 * @param monitor the object waited on
	 * @param site the site id
	 * @throws InterruptedException as {@link Object#wait()} does
	 */
	public static void waitOn(Object monitor, int site) throws InterruptedException {
		handler.waitOn(monitor, site);
	}

	/**
	 * Replaces {@code monitor.wait(millis)}.
	 *
	 * @param monitor the object waited on
	 * @param millis the timeout
	 * @param site the site id
	 * @throws InterruptedException as {@link Object#wait(long)} does
	 */
	public static void waitOn(Object monitor, long millis, int site) throws InterruptedException {
		handler.waitOn(monitor, millis, site);
	}

	/**
	 * Replaces {@code monitor.wait(millis, nanos)}.
	 *
	 * @param monitor the object waited on
	 * @param millis the timeout's milliseconds
	 * @param nanos the timeout's extra nanoseconds
	 * @param site the site id
	 * @throws InterruptedException as {@link Object#wait(long, int)} does
	 */
	public static void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
		handler.waitOn(monitor, millis, nanos, site);
	}

	/**
	 * Replaces {@code monitor.notify()}.
	 *
	 * @param monitor the object notified
	 * @param site the site id
	 */
	public static void notifyOne(Object monitor, int site) {
		handler.notifyOne(monitor, site);
	}

	/**
	 * Replaces {@code monitor.notifyAll()}.
	 *
	 * @param monitor the object notified
	 * @param site the site id
	 */
	public static void notifyAll(Object monitor, int site) {
		handler.notifyAll(monitor, site);
	}

	/**
	 * Replaces {@code thread.start()}.
	 *
	 * @param thread the thread to start
	 * @param site the site id
	 */
	public static void threadStart(Thread thread, int site) {
		handler.threadStart(thread, site);
	}

	/**
	 * Replaces {@code thread.join()}.
	 *
	 * @param thread the thread to wait for
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#join()} does
	 */
	public static void threadJoin(Thread thread, int site) throws InterruptedException {
		handler.threadJoin(thread, site);
	}

	/**
	 * Replaces {@code thread.join(millis)}.
	 *
	 * @param thread the thread to wait for
	 * @param millis the timeout
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#join(long)} does
	 */
	public static void threadJoin(Thread thread, long millis, int site) throws InterruptedException {
		handler.threadJoin(thread, millis, site);
	}

	/**
	 * Replaces {@code thread.join(millis, nanos)}.
	 *
	 * @param thread the thread to wait for
	 * @param millis the timeout's milliseconds
	 * @param nanos the timeout's extra nanoseconds
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#join(long, int)} does
	 */
	public static void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
		handler.threadJoin(thread, millis, nanos, site);
	}

	/**
	 * Replaces {@code Thread.sleep(millis)}.
	 *
	 * @param millis how long to sleep
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#sleep(long)} does
	 */
	public static void sleep(long millis, int site) throws InterruptedException {
		handler.sleep(millis, site);
	}

	/**
	 * Replaces {@code Thread.sleep(millis, nanos)}.
	 *
	 * @param millis how long to sleep, in milliseconds
	 * @param nanos the extra nanoseconds
	 * @param site the site id
	 * @throws InterruptedException as {@link Thread#sleep(long, int)} does
	 */
	public static void sleep(long millis, int nanos, int site) throws InterruptedException {
		handler.sleep(millis, nanos, site);
	}

	/**
	 * Replaces {@code Thread.yield()}.
	 *
	 * @param site the site id
	 */
	public static void threadYield(int site) {
		handler.threadYield(site);
	}

	/**
	 * Replaces {@code condition.await()}.
	 *
	 * @param condition the condition
	 * @param site the site id
	 * @throws InterruptedException as {@link Condition#await()} does
	 */
	public static void conditionAwait(Condition condition, int site) throws InterruptedException {
		handler.conditionAwait(condition, site);
	}

	/**
	 * Replaces {@code condition.awaitUninterruptibly()}.
	 *
	 * @param condition the condition
	 * @param site the site id
	 */
	public static void conditionAwaitUninterruptibly(Condition condition, int site) {
		handler.conditionAwaitUninterruptibly(condition, site);
	}

	/**
	 * Replaces {@code condition.awaitNanos(nanos)}.
	 *
	 * @param condition the condition
	 * @param nanos the timeout
	 * @param site the site id
	 * @return the nanoseconds left
	 * @throws InterruptedException as {@link Condition#awaitNanos} does
	 */
	public static long conditionAwaitNanos(Condition condition, long nanos, int site) throws InterruptedException {
		return handler.conditionAwaitNanos(condition, nanos, site);
	}

	/**
	 * Replaces {@code condition.await(time, unit)}.
	 *
	 * @param condition the condition
	 * @param time the timeout
	 * @param unit its unit
	 * @param site the site id
	 * @return whether it was signalled before the timeout
	 * @throws InterruptedException as {@link Condition#await(long, TimeUnit)} does
	 */
	public static boolean conditionAwait(Condition condition, long time, TimeUnit unit, int site)
			throws InterruptedException {
		return handler.conditionAwait(condition, time, unit, site);
	}

	/**
	 * Replaces {@code condition.awaitUntil(deadline)}.
	 *
	 * @param condition the condition
	 * @param deadline the deadline
	 * @param site the site id
	 * @return whether it was signalled before the deadline
	 * @throws InterruptedException as {@link Condition#awaitUntil} does
	 */
	public static boolean conditionAwaitUntil(Condition condition, Date deadline, int site)
			throws InterruptedException {
		return handler.conditionAwaitUntil(condition, deadline, site);
	}

	/**
	 * Replaces {@code condition.signal()}.
	 *
	 * @param condition the condition
	 * @param site the site id
	 */
	public static void conditionSignal(Condition condition, int site) {
		handler.conditionSignal(condition, site);
	}

	/**
	 * Replaces {@code condition.signalAll()}.
	 *
	 * @param condition the condition
	 * @param site the site id
	 */
	public static void conditionSignalAll(Condition condition, int site) {
		handler.conditionSignalAll(condition, site);
	}

	/**
	 * Called at the entry of {@code LockSupport.park*}; see {@link HookHandler#park}.
	 *
	 * @param blocker the blocker, or {@code null}
	 * @param time the timeout or deadline, {@code 0} for an untimed park
	 * @param mode {@link #PARK}, {@link #PARK_NANOS} or {@link #PARK_UNTIL}
	 * @return {@code true} to skip the real park
	 */
	public static boolean park(Object blocker, long time, int mode) {
		return handler.park(blocker, time, mode);
	}

	/**
	 * Called at the entry of {@code LockSupport.unpark}; see {@link HookHandler#unpark}.
	 *
	 * @param thread the thread to unpark
	 * @return {@code true} to skip the real unpark
	 */
	public static boolean unpark(Thread thread) {
		return handler.unpark(thread);
	}

	/**
	 * Called at the entry of {@code Thread.start()}; see {@link HookHandler#threadStarting}.
	 *
	 * @param thread the thread about to start
	 */
	public static void threadStarting(Thread thread) {
		handler.threadStarting(thread);
	}

	/**
	 * Called at the entry of {@code Thread.interrupt()}; see {@link HookHandler#threadInterrupting}.
	 *
	 * @param thread the thread about to be interrupted
	 */
	public static void threadInterrupting(Thread thread) {
		handler.threadInterrupting(thread);
	}

	/**
	 * Called at the entry of some JDK methods; see {@link HookHandler#jdkCall}.
	 *
	 * @param receiver the receiver
	 * @param site the site id naming the method
	 */
	public static void jdkCall(Object receiver, int site) {
		handler.jdkCall(receiver, site);
	}

	/**
	 * Replaces {@code System.nanoTime()} in {@code java.util.concurrent}; see {@link HookHandler#nanoTime}.
	 *
	 * @return the time in nanoseconds
	 */
	public static long nanoTime() {
		return handler.nanoTime();
	}

	/**
	 * Replaces {@code System.currentTimeMillis()} in {@code java.util.concurrent}.
	 *
	 * @return the time in milliseconds
	 */
	public static long currentTimeMillis() {
		return handler.currentTimeMillis();
	}
}
