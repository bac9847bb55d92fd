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
}
