package dev.frontrun.internal.engine;

import java.util.function.Consumer;

/**
 * A simulated program: adds its threads, with fresh state, to a new machine for each execution.
 *
 * @param name what the tests call it
 * @param loader adds the threads
 */
record Program(String name, Consumer<Machine> loader) {

	Machine load() {
		Machine machine = new Machine();
		loader.accept(machine);
		return machine;
	}

	@Override
	public String toString() {
		return name;
	}
}
