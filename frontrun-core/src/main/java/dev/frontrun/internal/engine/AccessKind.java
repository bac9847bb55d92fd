package dev.frontrun.internal.engine;

/**
 * How an {@link Operation} uses its {@link Resource}. Two operations of different threads on the same resource
 * conflict when both are memory accesses and at least one of them writes, or when both are lock operations and not
 * both shared ones. A join conflicts with nothing: it only orders the joining thread after the joined one.
 */
public enum AccessKind {

	/** Reads the resource. Reads commute with each other; a failed compare-and-set is a read. */
	READ,

	/** Writes the resource. A successful compare-and-set and every read-modify-write are writes. */
	WRITE,

	/** Acquires a lock. The thread is disabled while another thread holds the lock; acquiring again is reentrant. */
	ACQUIRE,

	/** Releases a lock the thread holds. */
	RELEASE,

	/**
	 * Acquires a lock in shared mode, as a read lock does: disabled while another thread holds the lock exclusively
	 * ({@link #ACQUIRE}); any number of threads hold it in shared mode together, and a thread that holds it
	 * exclusively may also take it in shared mode (a downgrade). Shared acquisitions and releases of different
	 * threads are independent of each other; they conflict with the exclusive ones.
	 */
	ACQUIRE_SHARED,

	/** Releases a shared hold of a lock, one {@link #ACQUIRE_SHARED}. */
	RELEASE_SHARED,

	/** Waits for the thread whose number is the resource's id to finish; disabled until it has. */
	JOIN,

	/**
	 * Waits to be notified ({@code Object.wait}); the resource is the wait set. Disabled until the runtime replaces it,
	 * with {@link DporExplorer#notified}, by what the thread does once notified. Conflicts with nothing itself: the
	 * wait and the notify that ends it are ordered by the writes of the wait set that the runtime reports for both.
	 */
	WAIT;

	boolean isMemoryAccess() {
		return this == READ || this == WRITE;
	}

	boolean isLockOperation() {
		return this == ACQUIRE || this == RELEASE || isShared();
	}

	/** Whether this is an operation of a shared (read) hold. */
	boolean isShared() {
		return this == ACQUIRE_SHARED || this == RELEASE_SHARED;
	}
}
