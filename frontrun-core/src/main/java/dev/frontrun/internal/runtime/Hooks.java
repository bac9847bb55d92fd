package dev.frontrun.internal.runtime;

import dev.frontrun.internal.trace.ManagedThread;
import java.util.Objects;

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
}
