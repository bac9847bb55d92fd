package dev.frontrun.internal.explore;

import java.lang.invoke.VarHandle;
import java.lang.invoke.VarHandle.VarHandleDesc;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Reads the JDK internals that the models need, by reflection (the agent opens {@code java.base} to frontrun): the
 * synchronizer behind a read-write lock's views, the synchronizer a condition belongs to, the field a field updater
 * updates. Without the agent's opening, these are unknown, and the locks are not modelled.
 */
final class JdkInternals {

	private static final Field READ_LOCK_SYNC = field(ReentrantReadWriteLock.ReadLock.class, "sync");
	private static final Field WRITE_LOCK_SYNC = field(ReentrantReadWriteLock.WriteLock.class, "sync");
	private static final Field READ_WRITE_SYNC = field(ReentrantReadWriteLock.class, "sync");
	private static final Field REENTRANT_SYNC = field(ReentrantLock.class, "sync");
	private static final Class<?> CONDITION_OBJECT = type(
			"java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject");
	private static final Field CONDITION_OWNER = CONDITION_OBJECT == null ? null : field(CONDITION_OBJECT, "this$0");

	private JdkInternals() {
	}

	/** How a lock is modelled. */
	enum Mode {
		/** One holder at a time: {@code ReentrantLock}, the write lock of a {@code ReentrantReadWriteLock}. */
		EXCLUSIVE,
		/** Many holders while no exclusive one: the read lock of a {@code ReentrantReadWriteLock}. */
		SHARED
	}

	/**
	 * A modelled lock.
	 *
	 * @param key the object its holds are counted on: the lock itself for a {@code ReentrantLock}, the
	 *        synchronizer shared by both views of a {@code ReentrantReadWriteLock}
	 * @param sync the synchronizer, which the lock's conditions name
	 * @param mode how the view is held
	 */
	record ModelledLock(Object key, Object sync, Mode mode) {
	}

	/**
	 * Tells how a lock is modelled.
	 *
	 * @param lock a lock a call was made on
	 * @return the model, or {@code null} for a lock frontrun does not model (its blocking is still seen, through
	 *         parking)
	 */
	static ModelledLock model(Object lock) {
		if (lock instanceof ReentrantLock reentrant) {
			Object sync = read(REENTRANT_SYNC, reentrant);
			return sync == null ? null : new ModelledLock(reentrant, sync, Mode.EXCLUSIVE);
		}
		if (lock instanceof ReentrantReadWriteLock.WriteLock write) {
			Object sync = read(WRITE_LOCK_SYNC, write);
			return sync == null ? null : new ModelledLock(sync, sync, Mode.EXCLUSIVE);
		}
		if (lock instanceof ReentrantReadWriteLock.ReadLock readLock) {
			Object sync = read(READ_LOCK_SYNC, readLock);
			return sync == null ? null : new ModelledLock(sync, sync, Mode.SHARED);
		}
		return null;
	}

	/**
	 * The synchronizer a condition belongs to.
	 *
	 * @param condition a condition
	 * @return the synchronizer, or {@code null} when the condition is not the JDK's
	 */
	static Object syncOf(Condition condition) {
		if (CONDITION_OBJECT == null || !CONDITION_OBJECT.isInstance(condition)) {
			return null;
		}
		return read(CONDITION_OWNER, condition);
	}

	/**
	 * The synchronizer shared by a read-write lock's views, which is the key its holds are modelled on.
	 *
	 * @param lock the read-write lock
	 * @return the synchronizer, or {@code null}
	 */
	static Object syncOf(ReentrantReadWriteLock lock) {
		return read(READ_WRITE_SYNC, lock);
	}

	/** What a {@code VarHandle} or a field updater accesses. */
	enum HandleKind {
		/** A static field. */
		STATIC_FIELD,
		/** An instance field, of the call's first argument. */
		INSTANCE_FIELD,
		/** An array element: the first argument is the array, the second the index. */
		ARRAY_ELEMENT,
		/** Something else (a view of a byte buffer, say): the handle itself is the resource. */
		OTHER
	}

	/**
	 * What a handle accesses.
	 *
	 * @param kind the kind of access
	 * @param field the field's display name, such as {@code Counter.value}, for field handles
	 */
	record HandleTarget(HandleKind kind, String field) {
	}

	private static final HandleTarget OTHER = new HandleTarget(HandleKind.OTHER, null);
	private static final Map<Object, HandleTarget> HANDLES = Collections.synchronizedMap(new WeakHashMap<>());
	private static final Method OBJECT_FIELD_OFFSET = unsafeObjectFieldOffset();
	private static final Object UNSAFE = unsafe();

	/**
	 * Tells what a {@code VarHandle} or a field updater accesses: for fields, by the name that field instructions
	 * give the field, so that both are the same resource.
	 *
	 * @param handle the handle or updater
	 * @return what it accesses; {@link HandleKind#OTHER} when that cannot be told
	 */
	static HandleTarget target(Object handle) {
		HandleTarget known = HANDLES.get(handle);
		if (known == null) {
			known = handle instanceof VarHandle varHandle ? ofVarHandle(varHandle) : ofUpdater(handle);
			HANDLES.put(handle, known);
		}
		return known;
	}

	private static HandleTarget ofVarHandle(VarHandle handle) {
		List<Class<?>> coordinates = handle.coordinateTypes();
		if (coordinates.size() == 2 && coordinates.get(0).isArray() && coordinates.get(1) == int.class) {
			return new HandleTarget(HandleKind.ARRAY_ELEMENT, null);
		}
		if (coordinates.size() > 1) {
			return OTHER;
		}
		Optional<VarHandleDesc> description;
		try {
			description = handle.describeConstable();
		} catch (RuntimeException e) {
			return OTHER;
		}
		if (description.isEmpty()) {
			return OTHER;
		}
		// VarHandleDesc[static Owner.name:type] or VarHandleDesc[Owner.name:type]
		String text = description.get().toString();
		int open = text.indexOf('[');
		int colon = text.lastIndexOf(':');
		if (open < 0 || colon < open) {
			return OTHER;
		}
		String field = text.substring(open + 1, colon);
		if (field.startsWith("static ")) {
			field = field.substring("static ".length());
		}
		if (!field.equals(field.strip()) || field.indexOf('.') < 0) {
			return OTHER;
		}
		return new HandleTarget(coordinates.isEmpty() ? HandleKind.STATIC_FIELD : HandleKind.INSTANCE_FIELD, field);
	}

	private static HandleTarget ofUpdater(Object updater) {
		if (!(updater instanceof AtomicIntegerFieldUpdater || updater instanceof AtomicLongFieldUpdater
				|| updater instanceof AtomicReferenceFieldUpdater) || OBJECT_FIELD_OFFSET == null) {
			return OTHER;
		}
		try {
			Field offsetField = findField(updater.getClass(), "offset");
			Field classField = findField(updater.getClass(), "tclass");
			if (offsetField == null || classField == null) {
				return OTHER;
			}
			long offset = offsetField.getLong(updater);
			for (Class<?> type = (Class<?>) classField.get(updater); type != null; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					if (!Modifier.isStatic(field.getModifiers())
							&& (long) OBJECT_FIELD_OFFSET.invoke(UNSAFE, field) == offset) {
						String name = type.getName();
						return new HandleTarget(HandleKind.INSTANCE_FIELD,
								name.substring(name.lastIndexOf('.') + 1) + "." + field.getName());
					}
				}
			}
		} catch (ReflectiveOperationException | RuntimeException e) {
			return OTHER;
		}
		return OTHER;
	}

	private static Field findField(Class<?> type, String name) {
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			try {
				Field field = current.getDeclaredField(name);
				field.setAccessible(true);
				return field;
			} catch (NoSuchFieldException e) {
				// look in the superclass
			} catch (RuntimeException e) {
				return null;
			}
		}
		return null;
	}

	private static Object unsafe() {
		try {
			return Class.forName("jdk.internal.misc.Unsafe").getMethod("getUnsafe").invoke(null);
		} catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
			return null;
		}
	}

	private static Method unsafeObjectFieldOffset() {
		try {
			return Class.forName("jdk.internal.misc.Unsafe").getMethod("objectFieldOffset", Field.class);
		} catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
			return null;
		}
	}

	private static Object read(Field field, Object target) {
		if (field == null) {
			return null;
		}
		try {
			return field.get(target);
		} catch (IllegalAccessException e) {
			return null;
		}
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		} catch (ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}

	private static Class<?> type(String name) {
		try {
			return Class.forName(name, false, null);
		} catch (ClassNotFoundException e) {
			return null;
		}
	}
}
