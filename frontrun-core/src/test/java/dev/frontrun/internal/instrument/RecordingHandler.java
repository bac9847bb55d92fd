package dev.frontrun.internal.instrument;

import dev.frontrun.internal.runtime.HookHandler;
import dev.frontrun.internal.runtime.Hooks;
import dev.frontrun.internal.runtime.PassThroughHandler;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.Sites;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Condition;

/**
 * A hook handler that records every hook call as text, such as {@code FIELD_READ Fields.plainInt @12}, and
 * performs replaced calls as {@link PassThroughHandler} does.
 */
final class RecordingHandler implements HookHandler {

	private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

	/**
	 * Runs an action with a recording handler installed, in place of the handler that was.
	 *
	 * @param <T> what the action returns
	 * @param action the action
	 * @return what it returned, and the hook calls of every thread meanwhile
	 * @throws Exception what the action threw
	 */
	static <T> Recorded<T> record(Callable<T> action) throws Exception {
		RecordingHandler recorder = new RecordingHandler();
		HookHandler previous = Hooks.install(recorder);
		try {
			return new Recorded<>(action.call(), List.copyOf(recorder.events), Thread.currentThread());
		} finally {
			Hooks.install(previous);
		}
	}

	/**
	 * One hook call.
	 *
	 * @param thread the thread that made it
	 * @param site the site id
	 * @param text the kind, the subject and the line, such as {@code FIELD_READ Fields.plainInt @12}
	 */
	record Event(Thread thread, int site, String text) {
	}

	/**
	 * What an action returned, and the hook calls made while it ran.
	 *
	 * @param <T> the result's type
	 * @param result what it returned
	 * @param events the hook calls of every thread, in the order they were made
	 * @param caller the thread that ran the action
	 */
	record Recorded<T>(T result, List<Event> events, Thread caller) {

		/**
		 * Returns the text of the calling thread's hook calls.
		 *
		 * @return the texts in order
		 */
		List<String> ofCaller() {
			return events.stream().filter(e -> e.thread() == caller).map(Event::text).toList();
		}

		/**
		 * Returns the text of the hook calls of the threads other than the caller.
		 *
		 * @return the texts in order
		 */
		List<String> ofOthers() {
			return events.stream().filter(e -> e.thread() != caller).map(Event::text).toList();
		}
	}

	private void record(int site, String subject) {
		Site where = Sites.get(site);
		events.add(new Event(Thread.currentThread(), site, where.kind() + " " + subject + " @" + where.line()));
	}

	private void recordMember(int site) {
		Site where = Sites.get(site);
		String volatility = where.member() instanceof Site.FieldRef field
				&& field.volatility() == Site.Volatility.VOLATILE ? " volatile" : "";
		record(site, where.member().displayName() + volatility);
	}

	private static String element(Object array, int index) {
		String type = array == null ? "null" : array.getClass().getComponentType().getSimpleName();
		return type + "[" + index + "]";
	}

	private static String monitor(Object monitor) {
		return monitor instanceof Class<?> type ? type.getSimpleName() + ".class" : monitor.getClass().getSimpleName();
	}

	@Override
	public void getField(Object owner, int site) {
		recordMember(site);
	}

	@Override
	public void putField(Object owner, int site) {
		recordMember(site);
	}

	@Override
	public void getStatic(int site) {
		recordMember(site);
	}

	@Override
	public void putStatic(int site) {
		recordMember(site);
	}

	@Override
	public void arrayLoad(Object array, int index, int site) {
		record(site, element(array, index));
	}

	@Override
	public void arrayStore(Object array, int index, int site) {
		record(site, element(array, index));
	}

	@Override
	public void arrayLength(Object array, int site) {
		record(site, array.getClass().getSimpleName());
	}

	@Override
	public void call(Object receiver, int site) {
		recordMember(site);
	}

	@Override
	public void callElement(Object receiver, int index, int site) {
		record(site, Sites.get(site).member().displayName() + "[" + index + "]");
	}

	@Override
	public void casOutcome(boolean succeeded, int site) {
		events.add(new Event(Thread.currentThread(), site,
				"CAS_OUTCOME " + succeeded + " @" + Sites.get(site).line()));
	}

	@Override
	public void monitorEnter(Object monitor, int site) {
		record(site, monitor(monitor));
	}

	@Override
	public void monitorExit(Object monitor, int site) {
		record(site, monitor(monitor));
	}

	@Override
	public void waitOn(Object monitor, int site) throws InterruptedException {
		recordMember(site);
		PassThroughHandler.INSTANCE.waitOn(monitor, site);
	}

	@Override
	public void waitOn(Object monitor, long millis, int site) throws InterruptedException {
		recordMember(site);
		PassThroughHandler.INSTANCE.waitOn(monitor, millis, site);
	}

	@Override
	public void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
		recordMember(site);
		PassThroughHandler.INSTANCE.waitOn(monitor, millis, nanos, site);
	}

	@Override
	public void notifyOne(Object monitor, int site) {
		recordMember(site);
		PassThroughHandler.INSTANCE.notifyOne(monitor, site);
	}

	@Override
	public void notifyAll(Object monitor, int site) {
		recordMember(site);
		PassThroughHandler.INSTANCE.notifyAll(monitor, site);
	}

	@Override
	public void threadStart(Thread thread, int site) {
		recordMember(site);
		PassThroughHandler.INSTANCE.threadStart(thread, site);
	}

	@Override
	public void threadJoin(Thread thread, int site) throws InterruptedException {
		recordMember(site);
		PassThroughHandler.INSTANCE.threadJoin(thread, site);
	}

	@Override
	public void threadJoin(Thread thread, long millis, int site) throws InterruptedException {
		recordMember(site);
		PassThroughHandler.INSTANCE.threadJoin(thread, millis, site);
	}

	@Override
	public void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
		recordMember(site);
		PassThroughHandler.INSTANCE.threadJoin(thread, millis, nanos, site);
	}

	@Override
	public void sleep(long millis, int site) throws InterruptedException {
		recordMember(site);
		PassThroughHandler.INSTANCE.sleep(millis, site);
	}

	@Override
	public void sleep(long millis, int nanos, int site) throws InterruptedException {
		recordMember(site);
		PassThroughHandler.INSTANCE.sleep(millis, nanos, site);
	}

	@Override
	public void threadYield(int site) {
		recordMember(site);
		PassThroughHandler.INSTANCE.threadYield(site);
	}

	@Override
	public long conditionAwaitNanos(Condition condition, long nanos, int site) throws InterruptedException {
		recordMember(site);
		return PassThroughHandler.INSTANCE.conditionAwaitNanos(condition, nanos, site);
	}

	@Override
	public void conditionSignal(Condition condition, int site) {
		recordMember(site);
		PassThroughHandler.INSTANCE.conditionSignal(condition, site);
	}

	@Override
	public void callHandle(Object handle, Object object, int index, int site) {
		record(site, Sites.get(site).member().displayName() + " of " + object.getClass().getSimpleName());
	}
}
