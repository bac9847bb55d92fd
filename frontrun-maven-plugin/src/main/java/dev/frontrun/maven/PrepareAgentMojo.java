package dev.frontrun.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Prepares the frontrun agent for a Surefire or Failsafe run that the project configures itself, with JaCoCo's
 * {@code prepare-agent} semantics: puts {@code -javaagent:<frontrun agent jar>}, the agent options and
 * {@code -Dfrontrun.dataDirectory} in front of the property named by {@code propertyName} ({@code argLine} by
 * default), after removing frontrun arguments that an earlier run of the goal put there. When skipped, it sets
 * the property to {@code ""} if it is unset.
 *
 * <p>On Linux x86-64 it also extracts frontrun's {@code LD_PRELOAD} library and sets the project property
 * {@code frontrun.preloadLibrary} to its path ({@code ""} when there is none). Surefire cannot take environment
 * variables from a property, so add them in the POM:
 *
 * <pre>
 * &lt;plugin&gt;
 *   &lt;groupId&gt;org.apache.maven.plugins&lt;/groupId&gt;
 *   &lt;artifactId&gt;maven-surefire-plugin&lt;/artifactId&gt;
 *   &lt;configuration&gt;
 *     &lt;argLine&gt;@{argLine} -Xmx1g&lt;/argLine&gt;
 *     &lt;environmentVariables&gt;
 *       &lt;LD_PRELOAD&gt;${frontrun.preloadLibrary}&lt;/LD_PRELOAD&gt;
 *     &lt;/environmentVariables&gt;
 *   &lt;/configuration&gt;
 * &lt;/plugin&gt;
 * </pre>
 *
 * Two rules: a literal {@code <argLine>} replaces the property, so write {@code @{argLine}} in it (late
 * replacement); and do not define {@code frontrun.preloadLibrary} in the POM's {@code <properties>}, or the POM's
 * value wins over the goal's. Prefer {@code frontrun:test}, which needs none of this.
 *
 * @since 0.1.0
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractFrontrunMojo {

	/** The project property set to the path of the extracted {@code LD_PRELOAD} library. */
	public static final String PRELOAD_LIBRARY_PROPERTY = "frontrun.preloadLibrary";

	/**
	 * The project property that receives the agent's JVM arguments: {@code argLine} for Surefire and Failsafe,
	 * or any other name, such as {@code invoker.mavenOpts} or a property used in a Failsafe-only argLine.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.propertyName", defaultValue = "argLine")
	private String propertyName;

	@Override
	protected void run() throws MojoExecutionException {
		Path jar = agentJar();
		List<String> arguments = new ArrayList<>(agentArguments(jar));
		arguments.add("-D" + SurefireConfiguration.DATA_DIRECTORY_PROPERTY + "="
				+ dataDirectory.toPath().toAbsolutePath());
		Properties properties = project.getProperties();
		String argLine;
		try {
			argLine = ArgLine.prepend(arguments, properties.getProperty(propertyName), jar);
		} catch (IllegalArgumentException e) {
			throw new MojoExecutionException("Cannot prepend the frontrun agent to " + propertyName + ": "
					+ e.getMessage(), e);
		}
		properties.setProperty(propertyName, argLine);
		getLog().info("frontrun: " + propertyName + " set to " + argLine);
		warnIfSurefireIgnoresTheProperty();

		Path library = preloadLibrary();
		if (library != null) {
			properties.setProperty(PRELOAD_LIBRARY_PROPERTY, library.toString());
			getLog().info("frontrun: " + PRELOAD_LIBRARY_PROPERTY + " set to " + library);
		} else {
			properties.setProperty(PRELOAD_LIBRARY_PROPERTY, "");
		}
	}

	@Override
	protected void skipped() {
		Properties properties = project.getProperties();
		if (properties.getProperty(propertyName) == null) {
			properties.setProperty(propertyName, "");
		}
		if (properties.getProperty(PRELOAD_LIBRARY_PROPERTY) == null) {
			properties.setProperty(PRELOAD_LIBRARY_PROPERTY, "");
		}
	}

	private void warnIfSurefireIgnoresTheProperty() {
		Plugin surefire = project.getPlugin(SurefireConfiguration.SUREFIRE_GROUP_ID + ":"
				+ SurefireConfiguration.SUREFIRE_ARTIFACT_ID);
		Xpp3Dom configured = SurefireConfiguration.userConfiguration(surefire).getChild("argLine");
		if ("argLine".equals(propertyName) && configured != null && configured.getValue() != null
				&& !configured.getValue().contains("@{argLine}") && !configured.getValue().contains("${argLine}")) {
			getLog().warn("frontrun: maven-surefire-plugin configures <argLine> without @{argLine}, so its forks "
					+ "will not get the frontrun agent; write <argLine>@{argLine} " + configured.getValue().strip()
					+ "</argLine>");
		}
	}
}
