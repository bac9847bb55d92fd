package dev.frontrun.internal.explore;

import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.Sites;
import java.util.Arrays;

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
	private static final String WAITING = "waiting on ";

	/** The spaces of field sites by site number; strings are immutable, so a racy read sees a whole one. */
	private static volatile String[] fieldSpaces = new String[0];

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

	/**
	 * A field named by its display name ({@code Counter.value}), as a field instruction on it names it, for
	 * accesses through a {@code VarHandle} or a field updater.
	 *
	 * @param displayName the declaring class's simple name, a dot and the field's name
	 * @param owner the object whose field it is, {@code null} for a static field
	 * @param thread the thread that touches it
	 * @return the resource, equal to the one {@link #field} or {@link #staticField} gives for the same field
	 */
	Resource namedField(String displayName, Object owner, int thread) {
		return new Resource(FIELD + displayName, owner == null ? 0 : ids.idOf(owner, thread));
	}

	/**
	 * What a thread waits on in a wait set or in {@code LockSupport.park}, named after the object it waits for.
	 *
	 * @param of the object's resource
	 * @return the resource of the wait
	 */
	static Resource waitingOn(Resource of) {
		return new Resource(WAITING + of.space(), of.id());
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
		if (space.startsWith(WAITING)) {
			return describe(new Resource(space.substring(WAITING.length()), resource.id()));
		}
		if (space.equals(Resource.THREAD_SPACE) || space.equals("private")) {
			return "thread " + resource.id();
		}
		if (space.startsWith(FIELD)) {
			return space.substring(FIELD.length());
		}
		if (space.equals(ARRAY)) {
			return ids.name((int) (resource.id() >>> 32)) + "[" + (int) resource.id() + "]";
		}
		return ids.name((int) resource.id());
	}

	/**
	 * The space of a field access's site, built once per site: a field access is the hottest hook, and it must not
	 * build strings.
	 */
	private static String fieldSpace(int site) {
		String[] spaces = fieldSpaces;
		String space = site < spaces.length ? spaces[site] : null;
		return space != null ? space : cacheFieldSpace(site);
	}

	private static synchronized String cacheFieldSpace(int site) {
		String[] spaces = fieldSpaces;
		if (site >= spaces.length) {
			spaces = Arrays.copyOf(spaces, Math.max(site + 1, 2 * spaces.length));
		}
		Site.Member member = Sites.get(site).member();
		String space = FIELD + member.displayName();
		spaces[site] = space;
		fieldSpaces = spaces;
		return space;
	}
}
