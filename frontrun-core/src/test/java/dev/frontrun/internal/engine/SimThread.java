package dev.frontrun.internal.engine;

/**
 * A simulated thread: a step function over the machine's shared memory and its own local state, so that what it does
 * next can depend on the values it has read.
 */
interface SimThread {

	/**
	 * Runs the thread's local code up to its next scheduling point.
	 *
	 * @param machine the machine, for spawning threads on the way
	 * @return the action at that point, or null when the thread ends
	 */
	Action next(Machine machine);
}
