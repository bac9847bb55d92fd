package dev.frontrun.internal.engine;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * One scheduling point of a simulated thread: the operation it announces, and what performing it does to the
 * machine, which returns the operation as it happened.
 *
 * @param announced the operation announced before it runs
 * @param effect performs it
 */
record Action(Operation announced, Function<Machine, Operation> effect) {

	static Action read(Resource cell, IntConsumer into) {
		return new Action(Operation.read(cell), machine -> {
			into.accept(machine.load(cell));
			return Operation.read(cell);
		});
	}

	static Action write(Resource cell, IntSupplier value) {
		return new Action(Operation.write(cell), machine -> {
			machine.store(cell, value.getAsInt());
			return Operation.write(cell);
		});
	}

	/** An atomic increment, a read-modify-write. */
	static Action increment(Resource cell) {
		return new Action(Operation.write(cell), machine -> {
			machine.store(cell, machine.load(cell) + 1);
			return Operation.write(cell);
		});
	}

	/** A compare-and-set: announced as a write, performed as a write if it succeeds and as a read if it fails. */
	static Action compareAndSet(Resource cell, int expected, int replacement, Consumer<Boolean> outcome) {
		return new Action(Operation.write(cell), machine -> {
			boolean success = machine.load(cell) == expected;
			if (success) {
				machine.store(cell, replacement);
			}
			outcome.accept(success);
			return success ? Operation.write(cell) : Operation.read(cell);
		});
	}

	static Action acquire(Resource lock) {
		return new Action(Operation.acquire(lock), machine -> {
			machine.lock(lock);
			return Operation.acquire(lock);
		});
	}

	static Action release(Resource lock) {
		return new Action(Operation.release(lock), machine -> {
			machine.unlock(lock);
			return Operation.release(lock);
		});
	}

	static Action acquireShared(Resource lock) {
		return new Action(Operation.acquireShared(lock), machine -> {
			machine.lockShared(lock);
			return Operation.acquireShared(lock);
		});
	}

	static Action releaseShared(Resource lock) {
		return new Action(Operation.releaseShared(lock), machine -> {
			machine.unlockShared(lock);
			return Operation.releaseShared(lock);
		});
	}

	static Action join(int thread) {
		return new Action(Operation.join(thread), machine -> {
			machine.requireFinished(thread);
			return Operation.join(thread);
		});
	}
}
