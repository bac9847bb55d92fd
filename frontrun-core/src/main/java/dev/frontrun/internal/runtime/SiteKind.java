package dev.frontrun.internal.runtime;

/**
 * What an instrumented instruction does, as frontrun reports it to the explorer.
 */
public enum SiteKind {

	/** {@code GETFIELD}: a read of an instance field. */
	FIELD_READ(Names.FIELD),
	/** {@code PUTFIELD}: a write of an instance field. */
	FIELD_WRITE(Names.FIELD),
	/** {@code GETSTATIC}: a read of a static field. */
	STATIC_READ(Names.FIELD),
	/** {@code PUTSTATIC}: a write of a static field. */
	STATIC_WRITE(Names.FIELD),
	/** {@code *ALOAD}: a read of an array element. */
	ARRAY_READ(Names.NONE),
	/** {@code *ASTORE}: a write of an array element. */
	ARRAY_WRITE(Names.NONE),
	/** {@code ARRAYLENGTH}: a read of an array's length, which never changes. */
	ARRAY_LENGTH(Names.NONE),
	/** {@code MONITORENTER}, or the entry of a {@code synchronized} method. */
	MONITOR_ENTER(Names.NONE),
	/** {@code MONITOREXIT}, or an exit of a {@code synchronized} method. */
	MONITOR_EXIT(Names.NONE),
	/** A call of {@code Object.wait}, with or without a timeout. */
	WAIT(Names.METHOD),
	/** A call of {@code Object.notify}. */
	NOTIFY(Names.METHOD),
	/** A call of {@code Object.notifyAll}. */
	NOTIFY_ALL(Names.METHOD),
	/** A call of {@code Thread.start}. */
	THREAD_START(Names.METHOD),
	/** A call of {@code Thread.join}, with or without a timeout. */
	THREAD_JOIN(Names.METHOD),
	/** A call of {@code Thread.sleep}. */
	SLEEP(Names.METHOD),
	/** A call of {@code Thread.yield}. */
	YIELD(Names.METHOD),
	/** A call into uninstrumented code, of a method that only reads its receiver. */
	CALL_READ(Names.METHOD),
	/** A call into uninstrumented code, of a method that may change its receiver. */
	CALL_WRITE(Names.METHOD),
	/** A call of a boolean compare-and-set method, such as {@code AtomicInteger.compareAndSet}. */
	CAS(Names.METHOD),
	/** A call of {@code Condition.await}, with or without a timeout, or {@code awaitUninterruptibly}. */
	CONDITION_AWAIT(Names.METHOD),
	/** A call of {@code Condition.signal} or {@code signalAll}. */
	CONDITION_SIGNAL(Names.METHOD);

	private final Names names;

	SiteKind(Names names) {
		this.names = names;
	}

	/**
	 * Tells what kind of member a site of this kind names.
	 *
	 * @return {@link Names#FIELD} for field accesses, {@link Names#NONE} for array and monitor sites, and
	 *         {@link Names#METHOD} for the rest, which are calls
	 */
	public Names names() {
		return names;
	}

	/** What kind of member a site names. */
	public enum Names {
		/** A field, the one read or written. */
		FIELD,
		/** A method, the one called. */
		METHOD,
		/** Nothing: the array or the monitor is known only when the hook runs. */
		NONE
	}
}
