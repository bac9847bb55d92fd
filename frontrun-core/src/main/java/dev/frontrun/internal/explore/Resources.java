package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.Sites;

/**
 * Turns what a hook saw (an object and a site) into the engine's resources: a field of one object, a static
 * field, an array element, a monitor, an object used through calls into code frontrun does not instrument.
 *
 * <p>A resource's space names what kind of thing it is and, for fields, which field, so that races read well:
 * {@code field Counter.value #3}.
 */
final class Resources {

	private static final String MONITOR = "monitor";
	private static final String OBJECT = "object";
	private static final String ARRAY = "array";
	private static final String FIELD = "field ";

	private final ObjectIds ids;

	Resources(ObjectIds ids) {
		this.ids = ids;
	}

	Resource field(Object owner, int site, int thread) {
		return new Resource(fieldSpace(site), ids.idOf(owner, thread));
	}

	Resource staticField(int site) {
		return new Resource(fieldSpace(site), 0);
	}

	Resource arrayElement(Object array, int index, int thread) {
		return new Resource(ARRAY, ((long) ids.idOf(array, thread) << 32) | (index & 0xffffffffL));
	}

	Resource monitor(Object monitor, int thread) {
		return new Resource(MONITOR, ids.idOf(monitor, thread));
	}

	Resource object(Object object, int thread) {
		return new Resource(OBJECT, ids.idOf(object, thread));
	}

	/** A resource of its own for a thread, which nothing else touches: a scheduling point with no conflict. */
	static Resource privateTo(int thread) {
		return new Resource("private", thread);
	}

	/**
	 * Names a resource for explanations: {@code Counter.value}, {@code counts[3]}, {@code forks[1]}.
	 *
	 * @param resource a resource this object made
	 * @return its name
	 */
	String describe(Resource resource) {
		String space = resource.space();
		if (space.startsWith(FIELD)) {
			return space.substring(FIELD.length());
		}
		if (space.equals(ARRAY)) {
			return ids.name((int) (resource.id() >>> 32)) + "[" + (int) resource.id() + "]";
		}
		return ids.name((int) resource.id());
	}

	private static String fieldSpace(int site) {
		Site.Member member = Sites.get(site).member();
		return FIELD + member.displayName();
	}
}
