package dev.frontrun.internal.agent;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The agent's options, read from system properties in the test JVM and rendered as {@code -D} arguments by
 * the Maven plugin, so that both sides agree on names and syntax.
 *
 * <ul>
 * <li>{@value #SOURCE_ROOTS}: the directories searched for {@code // frontrun:} markers, separated by the
 * platform's path separator.</li>
 * <li>{@value #TRACE_PACKAGES}: comma-separated globs of class names ({@code com.acme.*}) that are instrumented
 * even though they come from a jar rather than from the project's own class directories.</li>
 * <li>{@value #EXCLUDE_PACKAGES}: comma-separated globs of class names that are never instrumented, even the
 * project's own; they behave as library code that frontrun cannot see into.</li>
 * </ul>
 */
public final class AgentOptions {

	/** System property naming the source roots that are searched for markers. */
	public static final String SOURCE_ROOTS = "frontrun.sourceRoots";

	/** System property naming the library packages that are instrumented too. */
	public static final String TRACE_PACKAGES = "frontrun.tracePackages";

	/** System property naming the packages that are never instrumented. */
	public static final String EXCLUDE_PACKAGES = "frontrun.excludePackages";

	private static final Pattern PACKAGE_GLOB = Pattern.compile("[\\p{javaJavaIdentifierPart}.*?]+");

	private final List<Path> sourceRoots;
	private final List<String> tracePackages;
	private final List<String> excludePackages;

	/**
	 * Creates options.
	 *
	 * @param sourceRoots the directories searched for markers
	 * @param tracePackages globs of class names, such as {@code com.acme.*}
	 * @throws IllegalArgumentException if a glob is not a package glob
	 */
	public AgentOptions(List<Path> sourceRoots, List<String> tracePackages) {
		this(sourceRoots, tracePackages, List.of());
	}

	/**
	 * Creates options with exclusions.
	 *
	 * @param sourceRoots the directories searched for markers
	 * @param tracePackages globs of class names, such as {@code com.acme.*}
	 * @param excludePackages globs of class names never instrumented
	 * @throws IllegalArgumentException if a glob is not a package glob
	 */
	public AgentOptions(List<Path> sourceRoots, List<String> tracePackages, List<String> excludePackages) {
		this.sourceRoots = List.copyOf(sourceRoots);
		this.tracePackages = List.copyOf(tracePackages);
		this.excludePackages = List.copyOf(excludePackages);
		checkGlobs(TRACE_PACKAGES, this.tracePackages);
		checkGlobs(EXCLUDE_PACKAGES, this.excludePackages);
	}

	private static void checkGlobs(String property, List<String> globs) {
		for (String glob : globs) {
			if (!PACKAGE_GLOB.matcher(glob).matches()) {
				throw new IllegalArgumentException("Invalid " + property + " entry '" + glob
						+ "': use globs of dotted class names such as com.acme.* or org.lib.cache.?Cache");
			}
		}
	}

	/**
	 * Reads the options from system properties.
	 *
	 * @param properties usually {@link System#getProperties()}
	 * @return the options; absent properties give empty lists
	 * @throws IllegalArgumentException if a property's value is invalid
	 */
	public static AgentOptions from(Properties properties) {
		List<Path> roots = new ArrayList<>();
		for (String root : split(properties.getProperty(SOURCE_ROOTS, ""), File.pathSeparator)) {
			roots.add(Path.of(root));
		}
		return new AgentOptions(roots, split(properties.getProperty(TRACE_PACKAGES, ""), ","),
				split(properties.getProperty(EXCLUDE_PACKAGES, ""), ","));
	}

	private static List<String> split(String value, String separator) {
		List<String> parts = new ArrayList<>();
		for (String part : value.split(Pattern.quote(separator))) {
			if (!part.isBlank()) {
				parts.add(part.trim());
			}
		}
		return parts;
	}

	/**
	 * Renders the options as JVM arguments, one {@code -Dname=value} per option that is set.
	 *
	 * @return the arguments, unquoted
	 */
	public List<String> toJvmArguments() {
		List<String> arguments = new ArrayList<>();
		if (!sourceRoots.isEmpty()) {
			arguments.add("-D" + SOURCE_ROOTS + "=" + String.join(File.pathSeparator,
					sourceRoots.stream().map(Path::toString).toArray(String[]::new)));
		}
		if (!tracePackages.isEmpty()) {
			arguments.add("-D" + TRACE_PACKAGES + "=" + String.join(",", tracePackages));
		}
		if (!excludePackages.isEmpty()) {
			arguments.add("-D" + EXCLUDE_PACKAGES + "=" + String.join(",", excludePackages));
		}
		return arguments;
	}

	/**
	 * Returns the source roots searched for markers.
	 *
	 * @return the directories, possibly empty
	 */
	public List<Path> sourceRoots() {
		return sourceRoots;
	}

	/**
	 * Returns the globs of class names instrumented beyond the project's own classes.
	 *
	 * @return the globs, possibly empty
	 */
	public List<String> tracePackages() {
		return tracePackages;
	}

	/**
	 * Returns the globs of class names never instrumented.
	 *
	 * @return the globs, possibly empty
	 */
	public List<String> excludePackages() {
		return excludePackages;
	}

	@Override
	public String toString() {
		return SOURCE_ROOTS + "=" + sourceRoots + ", " + TRACE_PACKAGES + "=" + tracePackages
				+ (excludePackages.isEmpty() ? "" : ", " + EXCLUDE_PACKAGES + "=" + excludePackages);
	}
}
