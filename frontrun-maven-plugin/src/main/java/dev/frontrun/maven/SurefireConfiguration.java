package dev.frontrun.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Builds the configuration and the plugin dependencies with which {@code frontrun:test} runs
 * {@code maven-surefire-plugin:test}: the user's Surefire configuration with frontrun's settings on top.
 *
 * <p>What is kept: the project's {@code maven-surefire-plugin} configuration, plugin-level merged under the
 * {@value #DEFAULT_EXECUTION} execution's (as Maven merges them), and the plugin's dependencies except other
 * Surefire providers and {@code junit-platform-launcher}. What frontrun sets:
 * <ul>
 * <li>{@code argLine}: the agent's arguments, then the user's argLine (the configured {@code <argLine>}, else the
 * {@code argLine} property, such as JaCoCo's), with {@code @{...}} references resolved and any earlier frontrun
 * agent arguments removed;</li>
 * <li>{@code environmentVariables/LD_PRELOAD}: the library in front of the configured (or inherited) value,
 * without a duplicate of the library and without unresolved {@code ${...}} entries;</li>
 * <li>{@code systemPropertyVariables/frontrun.dataDirectory}, and {@code frontrun.replay} when a replay file is
 * given ({@link #withReplay});</li>
 * <li>{@code reportsDirectory}.</li>
 * </ul>
 * Every other parameter not configured by the user gets Surefire's default, so {@code -Dtest}, {@code -Dgroups}
 * and the other user properties of Surefire work as usual.
 */
public final class SurefireConfiguration {

	/** Surefire's group id. */
	public static final String SUREFIRE_GROUP_ID = "org.apache.maven.plugins";

	/** Surefire's artifact id. */
	public static final String SUREFIRE_ARTIFACT_ID = "maven-surefire-plugin";

	/** The id of the execution that the jar lifecycle binds to the test phase. */
	public static final String DEFAULT_EXECUTION = "default-test";

	/** The group of Surefire's providers. */
	static final String PROVIDER_GROUP_ID = "org.apache.maven.surefire";

	/** Surefire's own providers: with frontrun's provider next to them, the tests would run twice. */
	static final Set<String> SUREFIRE_PROVIDERS = Set.of("surefire-junit-platform", "surefire-junit3",
			"surefire-junit4", "surefire-junit47", "surefire-testng");

	/** The system property that names the directory of the JSON records. */
	public static final String DATA_DIRECTORY_PROPERTY = "frontrun.dataDirectory";

	private SurefireConfiguration() {
	}

	/**
	 * Returns the version of Surefire that frontrun runs, the one its provider is built against.
	 *
	 * @return the version, such as {@code 3.6.1}
	 */
	public static String surefireVersion() {
		Properties properties = new Properties();
		try (InputStream in = SurefireConfiguration.class.getResourceAsStream("frontrun-maven-plugin.properties")) {
			properties.load(Objects.requireNonNull(in, "frontrun-maven-plugin.properties"));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties.getProperty("surefire.version");
	}

	/**
	 * Returns the user's Surefire configuration: the plugin-level configuration merged under the
	 * {@value #DEFAULT_EXECUTION} execution's.
	 *
	 * @param surefire the project's {@code maven-surefire-plugin}, or {@code null} if it has none
	 * @return a new {@code <configuration>} element, possibly empty
	 */
	public static Xpp3Dom userConfiguration(Plugin surefire) {
		Xpp3Dom configuration = new Xpp3Dom("configuration");
		if (surefire == null) {
			return configuration;
		}
		if (surefire.getConfiguration() instanceof Xpp3Dom) {
			configuration = new Xpp3Dom((Xpp3Dom) surefire.getConfiguration(), "configuration");
		}
		PluginExecution execution = surefire.getExecutionsAsMap().get(DEFAULT_EXECUTION);
		if (execution != null && execution.getConfiguration() instanceof Xpp3Dom) {
			Xpp3Dom executionConfiguration = new Xpp3Dom((Xpp3Dom) execution.getConfiguration(), "configuration");
			configuration = Xpp3Dom.mergeXpp3Dom(executionConfiguration, configuration);
		}
		return configuration;
	}

	/**
	 * Returns the argLine the user's Surefire would get: the configured {@code <argLine>}, else the
	 * {@code argLine} property, looked up as Maven does for Surefire's {@code ${argLine}} default (system and
	 * user properties first, then the project's).
	 *
	 * @param userConfiguration the user's Surefire configuration
	 * @param executionProperties the session's system and user properties
	 * @param projectProperties the project's properties
	 * @return the argLine, or {@code null} if there is none
	 */
	public static String userArgLine(Xpp3Dom userConfiguration, Properties executionProperties,
			Properties projectProperties) {
		Xpp3Dom configured = userConfiguration.getChild("argLine");
		if (configured != null && configured.getValue() != null) {
			return configured.getValue();
		}
		String property = executionProperties.getProperty("argLine");
		return property != null ? property : projectProperties.getProperty("argLine");
	}

	/**
	 * Returns the argLine of the frontrun run: the agent's arguments, then the user's argLine with its
	 * {@code @{...}} references resolved and frontrun's own arguments removed (they appear there when
	 * {@code frontrun:prepare-agent} ran earlier in the build).
	 *
	 * @param agentArguments the agent's arguments, unquoted
	 * @param userArgLine the user's argLine, or {@code null}
	 * @param projectProperties the project's properties, for {@code @{...}} references
	 * @param agentJar the agent jar
	 * @param missing receives the name of each {@code @{...}} reference to a missing property (left out)
	 * @return the argLine
	 */
	public static String argLine(List<String> agentArguments, String userArgLine, Properties projectProperties,
			Path agentJar, Consumer<String> missing) {
		String resolved = ArgLine.resolveLateReferences(userArgLine, projectProperties,
				value -> ArgLine.withoutFrontrunArguments(value, agentJar), missing);
		return ArgLine.prepend(agentArguments, resolved, agentJar);
	}

	/**
	 * What frontrun sets in the Surefire configuration.
	 *
	 * @param argLine the complete argLine
	 * @param preloadLibrary the library to preload, or {@code null} for none
	 * @param inheritedPreload the {@code LD_PRELOAD} that the fork would inherit from Maven's environment, used
	 *        when the configuration sets none; may be {@code null}
	 * @param dataDirectory the directory of the JSON records
	 * @param reportsDirectory Surefire's reports directory
	 * @param properties resolve {@code ${...}} in a configured {@code LD_PRELOAD}, such as
	 *        {@code ${frontrun.preloadLibrary}}, which is set only during the build
	 */
	public record Settings(String argLine, Path preloadLibrary, String inheritedPreload, Path dataDirectory,
			Path reportsDirectory, Properties properties) {
	}

	/**
	 * Puts frontrun's settings on top of a copy of the user's configuration.
	 *
	 * @param userConfiguration the user's configuration; not changed
	 * @param settings frontrun's settings
	 * @return the new configuration
	 */
	public static Xpp3Dom withFrontrunSettings(Xpp3Dom userConfiguration, Settings settings) {
		Xpp3Dom configuration = new Xpp3Dom(userConfiguration, "configuration");
		set(configuration, "argLine", settings.argLine());
		if (settings.preloadLibrary() != null) {
			Xpp3Dom environment = child(configuration, "environmentVariables");
			Xpp3Dom configured = environment.getChild("LD_PRELOAD");
			String existing = configured != null
					? ArgLine.replaceReferences(configured.getValue(), "${", settings.properties()::getProperty)
					: settings.inheritedPreload();
			set(environment, "LD_PRELOAD", NativeLibraries.prependToPreload(settings.preloadLibrary(), existing));
		}
		set(child(configuration, "systemPropertyVariables"), DATA_DIRECTORY_PROPERTY,
				settings.dataDirectory().toAbsolutePath().toString());
		set(configuration, "reportsDirectory", settings.reportsDirectory().toAbsolutePath().toString());
		return configuration;
	}

	/** The system property that names a replay file for the fork to run. */
	public static final String REPLAY_PROPERTY = "frontrun.replay";

	/**
	 * Passes a replay file to the fork: sets {@code systemPropertyVariables/frontrun.replay} to its absolute path, so
	 * that the exploration that recorded it runs that interleaving instead of exploring.
	 *
	 * @param configuration the configuration, changed in place
	 * @param replayFile the replay file
	 * @return the configuration
	 */
	public static Xpp3Dom withReplay(Xpp3Dom configuration, Path replayFile) {
		set(child(configuration, "systemPropertyVariables"), REPLAY_PROPERTY,
				replayFile.toAbsolutePath().normalize().toString());
		return configuration;
	}

	/**
	 * Keeps the configured values of a mojo's parameters and gives every other parameter its default, as Maven
	 * does for a mojo execution from the lifecycle. Elements that are not parameters of the mojo are dropped.
	 *
	 * @param configuration the configuration
	 * @param defaults the mojo's default configuration, see {@link #defaults(PlexusConfiguration)}
	 * @param parameters the mojo's parameters
	 * @return the complete configuration
	 */
	public static Xpp3Dom complete(Xpp3Dom configuration, Xpp3Dom defaults, Collection<Parameter> parameters) {
		Xpp3Dom complete = new Xpp3Dom("configuration");
		for (Parameter parameter : parameters) {
			String name = parameter.getName();
			Xpp3Dom configured = configuration.getChild(name);
			if (configured == null && parameter.getAlias() != null) {
				configured = configuration.getChild(parameter.getAlias());
			}
			Xpp3Dom defaultValue = defaults.getChild(name);
			Xpp3Dom value;
			if (configured != null) {
				value = new Xpp3Dom(configured, name);
				if (value.getAttribute("implementation") == null && parameter.getImplementation() != null
						&& !parameter.getImplementation().isEmpty()) {
					value.setAttribute("implementation", parameter.getImplementation());
				}
				value = Xpp3Dom.mergeXpp3Dom(value, defaultValue, Boolean.TRUE);
			} else {
				value = defaultValue == null ? null : new Xpp3Dom(defaultValue);
			}
			if (value != null) {
				complete.addChild(value);
			}
		}
		return complete;
	}

	/**
	 * Converts a mojo descriptor's configuration (values such as {@code ${test}} and {@code default-value}
	 * attributes) into a default configuration.
	 *
	 * @param mojoConfiguration the descriptor's {@code getMojoConfiguration()}
	 * @return a {@code <configuration>} element with one child per parameter that has a value or default
	 */
	public static Xpp3Dom defaults(PlexusConfiguration mojoConfiguration) {
		Xpp3Dom defaults = new Xpp3Dom("configuration");
		if (mojoConfiguration == null) {
			return defaults;
		}
		for (PlexusConfiguration parameter : mojoConfiguration.getChildren()) {
			String value = parameter.getValue(null);
			String defaultValue = parameter.getAttribute("default-value", null);
			if (value != null || defaultValue != null) {
				Xpp3Dom element = new Xpp3Dom(parameter.getName());
				element.setValue(value);
				if (defaultValue != null) {
					element.setAttribute("default-value", defaultValue);
				}
				defaults.addChild(element);
			}
		}
		return defaults;
	}

	/**
	 * Returns Surefire's plugin dependencies for the frontrun run: the user's, without Surefire's own providers
	 * and without {@code junit-platform-launcher}, followed by frontrun's provider and the launcher.
	 *
	 * @param userDependencies the dependencies of the project's {@code maven-surefire-plugin}
	 * @param providerVersion the version of {@code frontrun-surefire-provider}, the plugin's own version
	 * @param launcherVersion the version of {@code junit-platform-launcher}
	 * @param dropped receives {@code groupId:artifactId:version} of each user dependency left out
	 * @return the dependencies
	 */
	public static List<Dependency> pluginDependencies(List<Dependency> userDependencies, String providerVersion,
			String launcherVersion, List<String> dropped) {
		List<Dependency> dependencies = new ArrayList<>();
		for (Dependency dependency : userDependencies) {
			boolean surefireProvider = PROVIDER_GROUP_ID.equals(dependency.getGroupId())
					&& SUREFIRE_PROVIDERS.contains(dependency.getArtifactId());
			boolean launcher = JUnitPlatformVersions.PLATFORM_GROUP.equals(dependency.getGroupId())
					&& JUnitPlatformVersions.LAUNCHER.equals(dependency.getArtifactId());
			boolean frontrunProvider = PluginArtifacts.GROUP_ID.equals(dependency.getGroupId())
					&& PluginArtifacts.PROVIDER.equals(dependency.getArtifactId());
			if (surefireProvider || launcher || frontrunProvider) {
				dropped.add(dependency.getGroupId() + ":" + dependency.getArtifactId() + ":" + dependency.getVersion());
			} else {
				dependencies.add(dependency.clone());
			}
		}
		dependencies.add(dependency(PluginArtifacts.GROUP_ID, PluginArtifacts.PROVIDER, providerVersion));
		dependencies.add(dependency(JUnitPlatformVersions.PLATFORM_GROUP, JUnitPlatformVersions.LAUNCHER,
				launcherVersion));
		return dependencies;
	}

	private static Dependency dependency(String groupId, String artifactId, String version) {
		Dependency dependency = new Dependency();
		dependency.setGroupId(groupId);
		dependency.setArtifactId(artifactId);
		dependency.setVersion(version);
		return dependency;
	}

	private static Xpp3Dom child(Xpp3Dom parent, String name) {
		Xpp3Dom child = parent.getChild(name);
		if (child == null) {
			child = new Xpp3Dom(name);
			parent.addChild(child);
		}
		return child;
	}

	private static void set(Xpp3Dom parent, String name, String value) {
		Xpp3Dom[] children = parent.getChildren();
		for (int i = children.length - 1; i >= 0; i--) {
			if (name.equals(children[i].getName())) {
				parent.removeChild(i);
			}
		}
		Xpp3Dom child = new Xpp3Dom(name);
		child.setValue(value);
		parent.addChild(child);
	}
}
