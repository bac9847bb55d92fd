package dev.frontrun.internal.runtime;

import dev.frontrun.internal.agent.AgentOptions;
import dev.frontrun.internal.instrument.ClassScope;
import dev.frontrun.internal.markers.MarkerIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The state the agent leaves for the rest of the runtime: whether it is attached, and the marker index.
 *
 * <p>With the agent, this class is loaded once, by the bootstrap class loader, so the agent and the test see
 * the same state. Without it, it is loaded from the test class path and reports the agent absent.
 */
public final class AgentRuntime {

	private static final String VERSION = readVersion();

	private static volatile MarkerIndex markers;
	private static volatile ClassScope scope;
	private static volatile Instrumentation instrumentation;
	private static volatile List<Path> sourceRoots = List.of();

	private AgentRuntime() {
	}

	/**
	 * Marks the agent attached; called once, by the agent's entry point.
	 *
	 * @param options the agent's options
	 * @return the marker index over the options' source roots
	 */
	public static MarkerIndex activate(AgentOptions options) {
		MarkerIndex index = new MarkerIndex(options.sourceRoots());
		sourceRoots = options.sourceRoots();
		markers = index;
		return index;
	}

	/**
	 * Records what the agent instruments with, so that an exploration can widen it.
	 *
	 * @param scope the transformer's scope
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void instrumenting(ClassScope scope, Instrumentation instrumentation) {
		AgentRuntime.scope = scope;
		AgentRuntime.instrumentation = instrumentation;
	}

	/**
	 * Instruments the classes matching some globs from now on.
	 *
	 * @param globs globs of dotted class names, such as {@code com.acme.*}
	 * @return the names of classes that match but were already loaded, uninstrumented
	 */
	public static List<String> traceAlso(List<String> globs) {
		if (scope == null || globs.isEmpty()) {
			return List.of();
		}
		return scope.widen(globs, instrumentation.getAllLoadedClasses());
	}

	/**
	 * Tells whether the agent is attached.
	 *
	 * @return {@code true} after {@link #activate}
	 */
	public static boolean isActive() {
		return markers != null;
	}

	/**
	 * Returns the marker index.
	 *
	 * @return the index, or an empty one when the agent is not attached
	 */
	public static MarkerIndex markers() {
		MarkerIndex index = markers;
		return index != null ? index : new MarkerIndex(List.of());
	}

	/**
	 * Returns the source roots, where markers and the source lines of explanations are read.
	 *
	 * @return the directories, empty when the agent is not attached
	 */
	public static List<Path> sourceRoots() {
		return sourceRoots;
	}

	/**
	 * Returns frontrun's version.
	 *
	 * @return the version, such as {@code 0.1.0}
	 */
	public static String version() {
		return VERSION;
	}

	private static String readVersion() {
		try (InputStream in = AgentRuntime.class.getResourceAsStream("/dev/frontrun/internal/frontrun.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", "unknown");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
