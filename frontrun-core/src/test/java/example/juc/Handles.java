package example.juc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/** Fields updated through a VarHandle and a field updater, with plain reads of the same fields. */
public final class Handles {

	private static final VarHandle VALUE;
	private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[].class);
	private static final AtomicIntegerFieldUpdater<Handles> COUNT = AtomicIntegerFieldUpdater.newUpdater(Handles.class,
			"count");

	static {
		try {
			VALUE = MethodHandles.lookup().findVarHandle(Handles.class, "value", int.class);
		} catch (ReflectiveOperationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	public volatile int value;
	public volatile int count;
	public final int[] slots = new int[2];

	/** A compare-and-set loop: safe. */
	public void casIncrement() {
		int seen;
		do {
			seen = value;
		} while (!VALUE.compareAndSet(this, seen, seen + 1));
	}

	/** Reads the field, then writes it through the handle: an update can be lost. */
	public void brokenIncrement() {
		int seen = value;
		VALUE.setVolatile(this, seen + 1);
	}

	/** Through the updater: safe. */
	public void updaterIncrement() {
		COUNT.incrementAndGet(this);
	}

	/** Reads the field, then writes it through the updater: an update can be lost. */
	public void brokenUpdaterIncrement() {
		int seen = count;
		COUNT.set(this, seen + 1);
	}

	/** Increments one element of the array through an element handle. */
	public void incrementSlot(int slot) {
		int seen = (int) SLOTS.getVolatile(slots, slot);
		SLOTS.setVolatile(slots, slot, seen + 1);
	}

	/** Two objects, each incremented by its own thread through the same handle and updater. */
	public static final class Pair {
		public final Handles first = new Handles();
		public final Handles second = new Handles();
	}
}
