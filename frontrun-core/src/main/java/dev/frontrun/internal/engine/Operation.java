package dev.frontrun.internal.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * What a thread does at one scheduling point: an access of some kind to one resource. The runtime announces a
 * thread's operation before it runs (which is what a bytecode hook sees) and reports it again once it has run, when
 * its kind may be more precise: a compare-and-set is announced as a {@link AccessKind#WRITE} and reported as a
 * {@link AccessKind#READ} if it failed.
 *
 * @param kind how the resource is used
 * @param resource what is used
 */
public record Operation(AccessKind kind, Resource resource) {

	/**
	 * Checks the components.
	 *
	 * @param kind how the resource is used
	 * @param resource what is used
	 */
	public Operation {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(resource, "resource");
		if (kind == AccessKind.JOIN && !resource.space().equals(Resource.THREAD_SPACE)) {
			throw new IllegalArgumentException("A join waits for a thread, not for " + resource);
		}
	}

	/**
	 * A read.
	 *
	 * @param resource what is read
	 * @return the operation
	 */
	public static Operation read(Resource resource) {
		return new Operation(AccessKind.READ, resource);
	}

	/**
	 * A write, or a read-modify-write.
	 *
	 * @param resource what is written
	 * @return the operation
	 */
	public static Operation write(Resource resource) {
		return new Operation(AccessKind.WRITE, resource);
	}

	/**
	 * A lock acquisition.
	 *
	 * @param lock the lock
	 * @return the operation
	 */
	public static Operation acquire(Resource lock) {
		return new Operation(AccessKind.ACQUIRE, lock);
	}

	/**
	 * A lock release.
	 *
	 * @param lock the lock
	 * @return the operation
	 */
	public static Operation release(Resource lock) {
		return new Operation(AccessKind.RELEASE, lock);
	}

	/**
	 * A shared (read) acquisition of a lock.
	 *
	 * @param lock the lock
	 * @return the operation
	 */
	public static Operation acquireShared(Resource lock) {
		return new Operation(AccessKind.ACQUIRE_SHARED, lock);
	}

	/**
	 * The release of a shared (read) hold of a lock.
	 *
	 * @param lock the lock
	 * @return the operation
	 */
	public static Operation releaseShared(Resource lock) {
		return new Operation(AccessKind.RELEASE_SHARED, lock);
	}

	/**
	 * Waiting for a thread to finish.
	 *
	 * @param thread the thread waited for
	 * @return the operation
	 */
	public static Operation join(int thread) {
		return new Operation(AccessKind.JOIN, Resource.thread(thread));
	}

	/**
	 * Waiting to be notified.
	 *
	 * @param waitSet the wait set of the monitor waited on
	 * @return the operation
	 */
	public static Operation awaitNotify(Resource waitSet) {
		return new Operation(AccessKind.WAIT, waitSet);
	}

	/**
	 * Whether this operation and another, run by different threads, conflict: their order can change what the
	 * program does, so the engine explores both orders.
	 *
	 * @param other the other operation
	 * @return true if both use the same resource and both are memory accesses of which one writes, or both are lock
	 *         operations of which at least one is exclusive
	 */
	public boolean conflictsWith(Operation other) {
		boolean kindsConflict = kind.isMemoryAccess() && other.kind.isMemoryAccess()
				? kind == AccessKind.WRITE || other.kind == AccessKind.WRITE
				: kind.isLockOperation() && other.kind.isLockOperation() && !(kind.isShared() && other.kind.isShared());
		return kindsConflict && resource.equals(other.resource);
	}

	/**
	 * Whether an operation announced as this one may have been performed as another: the same operation, or, for a
	 * write, a read of the same resource (a compare-and-set that failed).
	 *
	 * @param performed what was performed
	 * @return true if that is consistent with this announcement
	 */
	public boolean mayBePerformedAs(Operation performed) {
		return equals(performed) || kind == AccessKind.WRITE && performed.kind == AccessKind.READ
				&& resource.equals(performed.resource);
	}

	/**
	 * Whether another object is an operation of the same kind on an equal resource, compared directly rather than
	 * through the record's generic equality, since the engine compares operations at every step.
	 *
	 * @param other the other object
	 * @return true if it is an equal operation
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof Operation operation && kind == operation.kind
				&& resource.equals(operation.resource);
	}

	/**
	 * The hash code of the kind and resource, combined as a record's generated one is.
	 *
	 * @return the hash code
	 */
	@Override
	public int hashCode() {
		return 31 * kind.hashCode() + resource.hashCode();
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase(Locale.ROOT) + " " + resource;
	}
}
