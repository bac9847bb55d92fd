package dev.frontrun.internal.explore;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
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
	private static final int MAX_THREADS = 1 << (31 - THREAD_SHIFT);

	/** The fields of a class (and its superclasses up to the JDK's) that may hold objects, readable by frontrun. */
	private static final ClassValue<Field[]> REFERENCE_FIELDS = new ClassValue<>() {
		@Override
		protected Field[] computeValue(Class<?> type) {
			List<Field> fields = new ArrayList<>();
			for (Class<?> c = type; c != null && !isJdkClass(c); c = c.getSuperclass()) {
				for (Field field : c.getDeclaredFields()) {
					if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
						continue;
					}
					try {
						field.setAccessible(true);
						fields.add(field);
					} catch (InaccessibleObjectException e) {
						// a field frontrun may not read: its object gets a number when first touched
					}
				}
			}
			return fields.toArray(Field[]::new);
		}
	};

	private final Map<Object, Integer> ids = new IdentityHashMap<>();
	/** How each numbered object is named: its {@link Path} from the state, or the thread that numbered it. */
	private final Map<Integer, Object> names = new HashMap<>();
	private int[] counters = new int[4];

	/**
	 * How an object of the setup's state is reached from it, built into a name only when an explanation needs one.
	 *
	 * @param parent the path of the object that holds it, {@code null} for the state itself
	 * @param step {@code .field} or {@code [index]}, empty for the state
	 * @param object the object
	 */
	private record Path(Path parent, String step, Object object) {

		Path element(int index, Object element) {
			return new Path(this, "[" + index + "]", element);
		}

		Path field(String name, Object value) {
			return new Path(this, "." + name, value);
		}

		/** Its own path when the object is the state's {@code ReentrantReadWriteLock}'s synchronizer. */
		Path sync(Object sync) {
			return new Path(this, "", sync);
		}

		String render() {
			if (parent == null) {
				return object.getClass().getSimpleName();
			}
			StringBuilder out = new StringBuilder();
			append(out);
			return out.length() > 0 ? out.toString() : "ReentrantReadWriteLock";
		}

		private void append(StringBuilder out) {
			if (parent == null) {
				return;
			}
			parent.append(out);
			out.append(out.length() == 0 && step.startsWith(".") ? step.substring(1) : step);
		}
	}

	/** The thread that numbered an object it touched first, for its name. */
	private record FirstTouch(Class<?> type, int thread) {
	}

	/**
	 * Numbers everything reachable from the setup's state, and names it by its path from the state, such as
	 * {@code forks[1]}.
	 *
	 * @param state the state
	 */
	ObjectIds(Object state) {
		Deque<Path> pending = new ArrayDeque<>();
		if (state != null) {
			pending.add(new Path(null, "", state));
		}
		while (!pending.isEmpty()) {
			Path reached = pending.removeFirst();
			Object object = reached.object();
			if (ids.containsKey(object)) {
				continue;
			}
			int id = ids.size() + 1;
			ids.put(object, id);
			names.put(id, reached);
			if (object instanceof Object[] array) {
				for (int i = 0; i < array.length; i++) {
					if (array[i] != null) {
						pending.add(reached.element(i, array[i]));
					}
				}
			} else if (object instanceof ReentrantReadWriteLock readWrite) {
				Object sync = JdkInternals.syncOf(readWrite);
				if (sync != null) {
					pending.add(reached.sync(sync));
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
	 * @return its path from the state, such as {@code forks[1]}, or its class and number
	 */
	String name(int id) {
		Object name = names.get(id);
		if (name instanceof Path path) {
			return path.render();
		}
		if (name instanceof FirstTouch touch) {
			return touch.type().getSimpleName() + "#" + (id & ((1 << THREAD_SHIFT) - 1)) + " of thread "
					+ touch.thread();
		}
		return "#" + id;
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
			if (thread >= counters.length) {
				counters = Arrays.copyOf(counters, Math.min(MAX_THREADS, Math.max(thread + 1, 2 * counters.length)));
			}
			id = ((thread + 1) << THREAD_SHIFT) | ++counters[thread];
			ids.put(object, id);
			names.put(id, new FirstTouch(object.getClass(), thread));
		}
		return id;
	}

	private static void addFields(Path reached, Deque<Path> pending) {
		Object object = reached.object();
		for (Field field : REFERENCE_FIELDS.get(object.getClass())) {
			try {
				Object value = field.get(object);
				if (value != null) {
					pending.add(reached.field(field.getName(), value));
				}
			} catch (IllegalAccessException e) {
				// a field frontrun may not read: its object gets a number when first touched
			}
		}
	}

	private static boolean isJdkClass(Class<?> type) {
		String name = type.getName();
		return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
				|| name.startsWith("sun.");
	}
}
