package dev.frontrun.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.inject.Inject;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import dev.frontrun.ReplaySchedule;

/**
 * Runs the project's tests with frontrun: compiles them (up to {@code test-compile}), then runs
 * {@code maven-surefire-plugin:test} with the user's Surefire configuration plus
 * <ul>
 * <li>the frontrun java agent ({@code -javaagent} and its options) in front of the user's {@code argLine} (the
 * configured {@code <argLine>}, else the {@code argLine} property, such as JaCoCo's); {@code @{...}} references
 * in it are resolved before the fork, and one to an unset property is left out with a warning;</li>
 * <li>{@code LD_PRELOAD} of frontrun's C library, in front of any {@code LD_PRELOAD} configured in
 * {@code environmentVariables}, on Linux x86-64;</li>
 * <li>the system property {@code frontrun.dataDirectory}, and {@code frontrun.replay} when a replay file is
 * given;</li>
 * <li>reports in {@code target/frontrun-reports}, apart from those of {@code mvn test};</li>
 * <li>frontrun's Surefire provider and the {@code junit-platform-launcher} that matches the project's JUnit.</li>
 * </ul>
 * Every test of the suite runs, once; narrow the run with {@code -Dtest=...} or {@code -Dgroups=frontrun} as with
 * Surefire. For each frontrun test (tagged {@code frontrun}, or publishing {@code frontrun.*} report entries) the
 * build log gets a line such as {@code [frontrun] BankAccountTest.lostUpdate: trace-markers HOLDS, 1 execution,
 * 12 ms} and {@code dataDirectory} gets a JSON record. The tests must be JUnit Platform (JUnit 5 or 6) tests.
 *
 * @since 0.1.0
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, requiresDependencyResolution = ResolutionScope.TEST,
		threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class TestMojo extends AbstractFrontrunMojo {

	/**
	 * Where Surefire writes its reports of the frontrun run.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.reportsDirectory", defaultValue = "${project.build.directory}/frontrun-reports")
	private File reportsDirectory;

	/**
	 * A replay file to run: the exploration that recorded it (the file names its test, and which of the test's
	 * explorations it was) runs exactly that interleaving instead of exploring, under the debugger too, and says so
	 * if the code no longer does what the file recorded. A failing exploration writes one under
	 * {@code ${frontrun.dataDirectory}/replay/} and ends its explanation with the command, such as
	 * {@code mvn frontrun:test -Dtest=CounterTest#increments -Dfrontrun.replay=target/frontrun/replay/...json}. The
	 * forks get it as the system property {@code frontrun.replay}, as an absolute path.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.replay")
	private File replay;

	/** This plugin's descriptor, for its version: the provider has the same. */
	@Parameter(defaultValue = "${plugin}", readonly = true, required = true)
	private PluginDescriptor plugin;

	/** Loads and runs Surefire. */
	private final BuildPluginManager pluginManager;

	/**
	 * Creates the mojo; Maven injects the plugin manager.
	 *
	 * @param pluginManager loads and runs Surefire
	 */
	@Inject
	public TestMojo(BuildPluginManager pluginManager) {
		this.pluginManager = pluginManager;
	}

	/** Checks the replay file and says what it replays; fails before any test runs if it cannot be read. */
	private void describeReplay(Path file, String selectedTests) throws MojoFailureException {
		ReplaySchedule schedule;
		try {
			schedule = ReplaySchedule.read(file);
		} catch (UncheckedIOException | IllegalArgumentException e) {
			throw new MojoFailureException("frontrun.replay: " + e.getMessage(), e);
		}
		String test = schedule.test() == null ? "the explorations" : schedule.test() + ", exploration "
				+ schedule.exploration() + " of the test";
		String preemptions = schedule.preemptions() + (schedule.preemptions() == 1 ? " preemption" : " preemptions");
		getLog().info("frontrun: replaying " + file.toAbsolutePath() + " (" + schedule.steps().size() + " steps, "
				+ preemptions + ", found by " + schedule.strategy() + ") in " + test);
		if (selectedTests == null || selectedTests.isBlank()) {
			getLog().info("frontrun: every test runs, and only that exploration replays the file; select its test "
					+ "with -Dtest=... to run it alone");
		}
	}

	@Override
	protected void run() throws MojoExecutionException, MojoFailureException {
		// @Execute ran the lifecycle up to test-compile on a clone of the project: properties that plugins set
		// there (JaCoCo's argLine, frontrun.preloadLibrary, reserved ports...) live on the clone, so Surefire
		// runs against it, as it would in "mvn test".
		MavenProject tested = project.getExecutionProject() != null ? project.getExecutionProject() : project;
		File testClasses = new File(tested.getBuild().getTestOutputDirectory());
		if (!testClasses.isDirectory()) {
			getLog().info("frontrun: no tests to run (" + testClasses + " does not exist)");
			return;
		}
		String launcherVersion = JUnitPlatformVersions.launcherVersion(project.getArtifacts())
				.orElseThrow(() -> new MojoFailureException("frontrun needs JUnit 5 (Jupiter) tests, or other JUnit "
						+ "Platform tests: " + project.getId() + " has no org.junit.platform:junit-platform-engine "
						+ "among its test dependencies. Add a test dependency on org.junit.jupiter:junit-jupiter."));

		Path jar = agentJar();
		List<String> agentArguments = agentArguments(jar);
		Path library = preloadLibrary();

		Plugin userSurefire = tested.getPlugin(SurefireConfiguration.SUREFIRE_GROUP_ID + ":"
				+ SurefireConfiguration.SUREFIRE_ARTIFACT_ID);
		Xpp3Dom userConfiguration = SurefireConfiguration.userConfiguration(userSurefire);
		Properties properties = new Properties();
		properties.putAll(tested.getProperties());
		properties.putAll(session.getSystemProperties());
		properties.putAll(session.getUserProperties());
		String userArgLine = SurefireConfiguration.userArgLine(userConfiguration, properties, tested.getProperties());
		List<String> missing = new ArrayList<>();
		String argLine = SurefireConfiguration.argLine(agentArguments, userArgLine, tested.getProperties(), jar,
				missing::add);
		for (String name : missing) {
			getLog().warn("frontrun: the argLine refers to @{" + name + "}, but the property " + name
					+ " is not set; frontrun leaves the reference out");
		}
		Xpp3Dom configuration = SurefireConfiguration.withFrontrunSettings(userConfiguration,
				new SurefireConfiguration.Settings(argLine, library, System.getenv("LD_PRELOAD"),
						dataDirectory.toPath(), reportsDirectory.toPath(), properties));
		if (replay != null) {
			describeReplay(replay.toPath(), properties.getProperty("test"));
			SurefireConfiguration.withReplay(configuration, replay.toPath());
		}

		Plugin surefire = new Plugin();
		surefire.setGroupId(SurefireConfiguration.SUREFIRE_GROUP_ID);
		surefire.setArtifactId(SurefireConfiguration.SUREFIRE_ARTIFACT_ID);
		surefire.setVersion(SurefireConfiguration.surefireVersion());
		List<String> dropped = new ArrayList<>();
		List<Dependency> dependencies = SurefireConfiguration.pluginDependencies(
				userSurefire == null ? List.of() : userSurefire.getDependencies(), plugin.getVersion(),
				launcherVersion, dropped);
		surefire.setDependencies(dependencies);
		if (!dropped.isEmpty()) {
			getLog().info("frontrun: not giving Surefire these plugin dependencies, frontrun brings its own "
					+ "provider and launcher: " + String.join(", ", dropped));
		}

		MojoDescriptor surefireTest;
		try {
			PluginDescriptor descriptor = pluginManager.loadPlugin(surefire, tested.getRemotePluginRepositories(),
					session.getRepositorySession());
			surefireTest = descriptor.getMojo("test");
		} catch (Exception e) {
			throw new MojoExecutionException("Cannot load " + surefire.getId() + ": " + e.getMessage(), e);
		}
		Xpp3Dom complete = SurefireConfiguration.complete(configuration,
				SurefireConfiguration.defaults(surefireTest.getMojoConfiguration()), surefireTest.getParameters());
		MojoExecution execution = new MojoExecution(surefireTest, "frontrun", MojoExecution.Source.CLI);
		execution.setConfiguration(complete);

		getLog().info("frontrun: running the tests with " + surefire.getId() + ", agent " + jar
				+ (library == null ? "" : ", LD_PRELOAD " + library) + "; records in " + dataDirectory
				+ ", reports in " + reportsDirectory);
		if (getLog().isDebugEnabled()) {
			getLog().debug("frontrun: argLine " + argLine);
			getLog().debug("frontrun: Surefire configuration " + complete);
		}
		MavenProject current = session.getCurrentProject();
		session.setCurrentProject(tested);
		try {
			pluginManager.executeMojo(session, execution);
		} catch (MojoFailureException | MojoExecutionException e) {
			throw e;
		} catch (Exception e) {
			throw new MojoExecutionException("Cannot run " + surefire.getId() + ": " + e.getMessage(), e);
		} finally {
			session.setCurrentProject(current);
		}
	}
}
