package dev.frontrun.internal.engine;

/**
 * One step of an execution: the operation a thread performed at one scheduling point.
 *
 * @param index where the step is in its execution's schedule, counting from 0
 * @param thread the thread that ran
 * @param operation what it did
 */
public record Step(int index, int thread, Operation operation) {

	@Override
	public String toString() {
		return index + ": thread " + thread + " " + operation;
	}
}
