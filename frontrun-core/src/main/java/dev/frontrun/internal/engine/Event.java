package dev.frontrun.internal.engine;

/**
 * A thread's operation at one point of an execution, without its position: what sleep sets and wakeup trees hold.
 *
 * @param thread the thread
 * @param operation what it does
 */
record Event(int thread, Operation operation) {

	/**
	 * Whether this event and another cannot be swapped: they belong to the same thread or their operations conflict.
	 *
	 * @param other the other event
	 * @return true if they are dependent
	 */
	boolean dependsOn(Event other) {
		return thread == other.thread || operation.conflictsWith(other.operation);
	}

	/**
	 * Whether another object is an event of the same thread and an equal operation, compared directly rather than
	 * through the record's generic equality, which is slow until the JIT compiles it.
	 *
	 * @param other the other object
	 * @return true if it is an equal event
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof Event event && thread == event.thread
				&& operation.equals(event.operation);
	}

	/**
	 * The hash code of the thread and operation, combined as a record's generated one is.
	 *
	 * @return the hash code
	 */
	@Override
	public int hashCode() {
		return 31 * thread + operation.hashCode();
	}
}
