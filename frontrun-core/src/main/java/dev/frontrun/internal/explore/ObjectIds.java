package dev.frontrun.internal.explore;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Numbers the objects of one execution so that the same object gets the same number in every execution, which
 * the DPOR engine needs to match what one execution did with what another did. Identity hash codes would not do:
 * they differ from run to run.
 *
 * <p>The objects reachable from the setup's state are numbered first, by a walk of their fields in declaration
 * order (a {@code ReentrantReadWriteLock}'s synchronizer, on which both its views are modelled, takes its name). An object met later is numbered by the thread that touches it first, with that thread's own counter:
 * objects a thread creates are first touched by that thread (its constructor writes them), so the number depends
 * only on what that thread did, not on how threads interleaved.
 */
final class ObjectIds {

	private static final int THREAD_SHIFT = 20;

	private final Map<Object, Integer> ids = new IdentityHashMap<>();
	private final Map<Integer, String> names = new HashMap<>();
	private final int[] counters = new int[1 << (31 - THREAD_SHIFT)];

	/** An object found by the walk of the setup's state, and how to reach it from the state. */
	private record Reached(Object object, String path) {
	}

	/**
	 * Numbers everything reachable from the setup's state, and names it by its path from the state, such as
	 * {@code forks[1]}.
	 *
	 * @param state the state
	 */
	ObjectIds(Object state) {
		Deque<Reached> pending = new ArrayDeque<>();
		if (state != null) {
			pending.add(new Reached(state, ""));
		}
		while (!pending.isEmpty()) {
			Reached reached = pending.removeFirst();
			Object object = reached.object();
			if (ids.containsKey(object)) {
				continue;
			}
			int id = ids.size() + 1;
			ids.put(object, id);
			names.put(id, reached.path().isEmpty() ? object.getClass().getSimpleName() : reached.path());
			if (object instanceof Object[] array) {
				for (int i = 0; i < array.length; i++) {
					if (array[i] != null) {
						pending.add(new Reached(array[i], reached.path() + "[" + i + "]"));
					}
				}
			} else if (object instanceof ReentrantReadWriteLock readWrite) {
				Object sync = JdkInternals.syncOf(readWrite);
				if (sync != null) {
					pending.add(new Reached(sync, reached.path().isEmpty() ? "ReentrantReadWriteLock"
							: reached.path()));
				}
			} else if (!isJdkClass(object.getClass())) {
				addFields(reached, pending);
			}
		}
	}

	/**
	 * Names a numbered object for explanations.
	 *
	 * @param id its number
	 * @return its path from the setup's state, such as {@code forks[1]}, or its class and number
	 */
	String name(int id) {
		return names.getOrDefault(id, "#" + id);
	}

	/**
	 * Returns the number of an object, numbering it for the given thread if it has none yet.
	 *
	 * @param object the object
	 * @param thread the number of the thread that touches it
	 * @return its number, positive
	 */
	int idOf(Object object, int thread) {
		Integer id = ids.get(object);
		if (id == null) {
			id = ((thread + 1) << THREAD_SHIFT) | ++counters[thread];
			ids.put(object, id);
			names.put(id, object.getClass().getSimpleName() + "#" + (id & ((1 << THREAD_SHIFT) - 1)) + " of thread "
					+ thread);
		}
		return id;
	}

	private static void addFields(Reached reached, Deque<Reached> pending) {
		Object object = reached.object();
		for (Class<?> type = object.getClass(); type != null && !isJdkClass(type); type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
					continue;
				}
				try {
					field.setAccessible(true);
					Object value = field.get(object);
					if (value != null) {
						pending.add(new Reached(value, reached.path().isEmpty() ? field.getName()
								: reached.path() + "." + field.getName()));
					}
				} catch (InaccessibleObjectException | IllegalAccessException e) {
					// a field frontrun may not read: its object gets a number when first touched
				}
			}
		}
	}

	private static boolean isJdkClass(Class<?> type) {
		String name = type.getName();
		return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
				|| name.startsWith("sun.");
	}
}
