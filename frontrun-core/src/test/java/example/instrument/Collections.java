package example.instrument;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Calls into uninstrumented JDK classes: a HashMap cache, a HashMap subclass, atomics, immutable values. */
public class Collections {

	/** A map that inherits its methods from HashMap and adds one of its own. */
	static class Registry extends HashMap<String, Integer> {

		private static final long serialVersionUID = 1L;

		int hits;

		Integer lookup(String key) {
			hits++; // @hits
			return get(key); // @registry-get
		}
	}

	private final HashMap<String, Integer> cache = new HashMap<>();
	private final Map<String, Integer> view = cache;
	private final AtomicInteger counter = new AtomicInteger();
	private final AtomicLong total = new AtomicLong();

	/** Check-then-act on a HashMap. */
	public int lengthOf(String key) {
		Integer cached = cache.get(key); // @get
		if (cached == null) {
			cached = key.length(); // @string-length
			cache.put(key, cached); // @put
		}
		return cached + view.size(); // @size
	}

	/** Increments and compare-and-sets atomics. */
	public String atomics() {
		int incremented = counter.incrementAndGet(); // @increment
		boolean won = counter.compareAndSet(1, 5); // @cas-success
		boolean lost = counter.compareAndSet(1, 6); // @cas-failure
		boolean wideWon = total.compareAndSet(0L, Long.MAX_VALUE); // @cas-wide
		return incremented + " " + won + " " + lost + " " + wideWon + " " + counter.get() + " " + total.get(); // @gets
	}

	/** Uses single elements of an atomic array, which are reported as such. */
	public static String atomicArray() {
		AtomicIntegerArray slots = new AtomicIntegerArray(4);
		boolean won = slots.compareAndSet(2, 0, 7); // @slot-cas
		int length = slots.length(); // @slots-length
		return won + " " + slots.getAndIncrement(3) + " " + length; // @slot-increment
	}

	/** Calls on a HashMap subclass: the inherited methods are reported, its own are not. */
	public static Integer registry() {
		Registry registry = new Registry();
		registry.put("a", 1); // @registry-put
		return registry.lookup("a"); // @registry-lookup
	}

	/** Calls on functional interfaces, enums, strings, boxes and classes, none of which is reported. */
	public static long stateless(Supplier<String> supplier) {
		String text = supplier.get();
		long nanos = TimeUnit.MILLISECONDS.toNanos(text.length());
		return nanos + Integer.valueOf(3).hashCode() + text.getClass().getName().length();
	}
}
