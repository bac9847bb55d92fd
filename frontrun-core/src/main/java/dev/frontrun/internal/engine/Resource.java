package dev.frontrun.internal.engine;

import java.util.Objects;

/**
 * What an operation touches, as the engine sees it: an opaque identity, equal for every access to the same thing and
 * stable from one execution to the next. The space names the kind of thing and keeps id spaces apart (a field, an
 * array element, a monitor, a socket endpoint, a SQL row or its row lock, a Redis key); the id tells things of one
 * space apart. The engine only compares resources; the runtime keeps what they mean.
 *
 * @param space the kind of thing, for example {@code "field"} or {@code "monitor"}
 * @param id which one of that kind
 */
public record Resource(String space, long id) {

	/** The space of {@link #thread(int)}. */
	public static final String THREAD_SPACE = "thread";

	/**
	 * Checks the space.
	 *
	 * @param space the kind of thing
	 * @param id which one of that kind
	 */
	public Resource {
		Objects.requireNonNull(space, "space");
	}

	/**
	 * A thread seen as a resource, which is what a {@link AccessKind#JOIN} waits for.
	 *
	 * @param thread the thread's number
	 * @return the resource
	 */
	public static Resource thread(int thread) {
		return new Resource(THREAD_SPACE, thread);
	}

	/**
	 * Whether another object is a resource of the same space and id; compares the ids first, which tells most
	 * resources apart, since the engine compares resources at every step.
	 *
	 * @param other the other object
	 * @return true if it is an equal resource
	 */
	@Override
	public boolean equals(Object other) {
		return this == other
				|| other instanceof Resource resource && id == resource.id && space.equals(resource.space);
	}

	/**
	 * The hash code of the space and id, combined as a record's generated one is.
	 *
	 * @return the hash code
	 */
	@Override
	public int hashCode() {
		return 31 * space.hashCode() + Long.hashCode(id);
	}

	@Override
	public String toString() {
		return space + "#" + id;
	}
}
