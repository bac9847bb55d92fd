package dev.frontrun.internal.runtime;

/**
 * The handler in force outside an exploration: reports nothing, and performs each replaced call as the
 * instrumented code would have, so that instrumented classes behave exactly as compiled.
 *
 * <p>A scheduler can delegate to it for threads it does not manage.
 */
public final class PassThroughHandler implements HookHandler {

	/** The only instance. */
	public static final PassThroughHandler INSTANCE = new PassThroughHandler();

	private PassThroughHandler() {
	}

	@Override
	public void getField(Object owner, int site) {
	}

	@Override
	public void putField(Object owner, int site) {
	}

	@Override
	public void getStatic(int site) {
	}

	@Override
	public void putStatic(int site) {
	}

	@Override
	public void arrayLoad(Object array, int index, int site) {
	}

	@Override
	public void arrayStore(Object array, int index, int site) {
	}

	@Override
	public void arrayLength(Object array, int site) {
	}

	@Override
	public void call(Object receiver, int site) {
	}

	@Override
	public void callElement(Object receiver, int index, int site) {
	}

	@Override
	public void casOutcome(boolean succeeded, int site) {
	}

	@Override
	public void monitorEnter(Object monitor, int site) {
	}

	@Override
	public void monitorExit(Object monitor, int site) {
	}

	@Override
	public void waitOn(Object monitor, int site) throws InterruptedException {
		monitor.wait();
	}

	@Override
	public void waitOn(Object monitor, long millis, int site) throws InterruptedException {
		monitor.wait(millis);
	}

	@Override
	public void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
		monitor.wait(millis, nanos);
	}

	@Override
	public void notifyOne(Object monitor, int site) {
		monitor.notify();
	}

	@Override
	public void notifyAll(Object monitor, int site) {
		monitor.notifyAll();
	}

	@Override
	public void threadStart(Thread thread, int site) {
		thread.start();
	}

	@Override
	public void threadJoin(Thread thread, int site) throws InterruptedException {
		thread.join();
	}

	@Override
	public void threadJoin(Thread thread, long millis, int site) throws InterruptedException {
		thread.join(millis);
	}

	@Override
	public void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
		thread.join(millis, nanos);
	}

	@Override
	public void sleep(long millis, int site) throws InterruptedException {
		Thread.sleep(millis);
	}

	@Override
	public void sleep(long millis, int nanos, int site) throws InterruptedException {
		Thread.sleep(millis, nanos);
	}

	@Override
	public void threadYield(int site) {
		Thread.yield();
	}
}
