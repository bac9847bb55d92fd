package dev.frontrun.internal.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * The registry of instrumented instructions: the agent registers each one as it instruments a class and compiles
 * the returned id into the hook call, and the runtime looks the id up when the hook runs.
 *
 * <p>Append-only and thread-safe: classes are instrumented concurrently, and hooks read sites from any thread.
 * A lookup reads one volatile array and takes the lock only for a site registered after that read.
 */
public final class Sites {

	private static final Object LOCK = new Object();

	private static volatile Site[] sites = new Site[1024];
	private static int count;

	private Sites() {
	}

	/**
	 * Registers a site.
	 *
	 * @param site the site
	 * @return its id, from 0 up, never reused
	 */
	public static int register(Site site) {
		Objects.requireNonNull(site, "site");
		synchronized (LOCK) {
			Site[] current = sites;
			if (count == current.length) {
				current = Arrays.copyOf(current, count * 2);
			}
			current[count] = site;
			sites = current;
			return count++;
		}
	}

	/**
	 * Returns a registered site.
	 *
	 * @param id an id that {@link #register} returned
	 * @return the site
	 * @throws IllegalArgumentException if no site has that id
	 */
	public static Site get(int id) {
		Site[] current = sites;
		Site site = id >= 0 && id < current.length ? current[id] : null;
		if (site != null) {
			return site;
		}
		synchronized (LOCK) {
			if (id < 0 || id >= count) {
				throw new IllegalArgumentException("No site has id " + id + "; " + count + " are registered");
			}
			return sites[id];
		}
	}

	/**
	 * Returns how many sites are registered.
	 *
	 * @return the number of sites, which is also the next id
	 */
	public static int count() {
		synchronized (LOCK) {
			return count;
		}
	}
}
