package dev.frontrun.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.frontrun.internal.agent.AgentOptions;

/**
 * What the frontrun goals share: skipping, the agent jar and its options, and the {@code LD_PRELOAD} library.
 */
public abstract class AbstractFrontrunMojo extends AbstractMojo {

	/** The project being built. */
	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	protected MavenProject project;

	/** The build session. */
	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	protected MavenSession session;

	/** The plugin's resolved dependencies, among them the agent jar and the native library jar. */
	@Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
	protected List<Artifact> pluginArtifacts;

	/**
	 * Skips the goal. It logs that it was skipped and runs nothing; {@code prepare-agent} still defines its
	 * property (as {@code ""} if it was unset), so that an {@code @{argLine}} reference stays valid.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.skip", defaultValue = "false")
	protected boolean skip;

	/**
	 * Classes from jars that the agent instruments too, as comma-separated globs of class names, such as
	 * {@code com.acme.cache.*,org.lib.?Pool}. The project's own classes are always instrumented.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.tracePackages")
	protected List<String> tracePackages;

	/**
	 * Classes that the agent never instruments, even the project's own, as comma-separated globs of class names,
	 * such as {@code com.acme.generated.*}. They behave as library code that frontrun cannot see into: a call into
	 * them is a read or a write of its receiver. An exclusion wins over {@code tracePackages}.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.excludePackages")
	protected List<String> excludePackages;

	/**
	 * The directories in which the agent looks for {@code // frontrun:} markers. Default: the project's compile
	 * and test source roots, plus the compile source roots of every project in the reactor (those that exist).
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.sourceRoots")
	protected List<File> sourceRoots;

	/**
	 * Preloads frontrun's C library ({@code LD_PRELOAD}) into the test JVMs, which lets frontrun see socket I/O
	 * of database drivers and other native code. Only on Linux x86-64, the platform the library is built for;
	 * elsewhere the goal says in one line that C-level I/O detection is off.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.preload", defaultValue = "true")
	protected boolean preload;

	/**
	 * Where the test JVMs write frontrun's results: one JSON record per frontrun test. The forks get it as the
	 * system property {@code frontrun.dataDirectory}.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.dataDirectory", defaultValue = "${project.build.directory}/frontrun")
	protected File dataDirectory;

	/**
	 * The agent jar to use instead of the plugin's own {@code dev.frontrun:frontrun-core:jar:agent}; for
	 * developing frontrun itself.
	 *
	 * @since 0.1.0
	 */
	@Parameter(property = "frontrun.agentJar")
	protected File agentJar;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) {
			getLog().info("Skipping frontrun: frontrun.skip is true");
			skipped();
			return;
		}
		run();
	}

	/**
	 * Does the goal's work.
	 *
	 * @throws MojoExecutionException if the goal cannot run
	 * @throws MojoFailureException if the goal ran and found a problem
	 */
	protected abstract void run() throws MojoExecutionException, MojoFailureException;

	/** Called instead of {@link #run()} when the goal is skipped. */
	protected void skipped() {
	}

	/**
	 * Returns the agent jar: {@link #agentJar} if set, else the plugin's own.
	 *
	 * @return the jar
	 * @throws MojoExecutionException if there is none
	 */
	protected Path agentJar() throws MojoExecutionException {
		if (agentJar != null) {
			if (!agentJar.isFile()) {
				throw new MojoExecutionException("frontrun.agentJar " + agentJar + " is not a file");
			}
			return agentJar.toPath().toAbsolutePath();
		}
		return PluginArtifacts.find(pluginArtifacts, PluginArtifacts.CORE, PluginArtifacts.AGENT_CLASSIFIER)
				.map(file -> file.toPath().toAbsolutePath())
				.orElseThrow(() -> new MojoExecutionException("The frontrun agent jar ("
						+ PluginArtifacts.GROUP_ID + ":" + PluginArtifacts.CORE + ":jar:"
						+ PluginArtifacts.AGENT_CLASSIFIER + ") is not among the plugin's dependencies"));
	}

	/**
	 * Returns the agent's JVM arguments: {@code -javaagent} and the agent options.
	 *
	 * @param jar the agent jar
	 * @return the arguments, unquoted
	 * @throws MojoExecutionException if an option is invalid
	 */
	protected List<String> agentArguments(Path jar) throws MojoExecutionException {
		List<Path> roots = new ArrayList<>();
		if (sourceRoots != null && !sourceRoots.isEmpty()) {
			for (File root : sourceRoots) {
				roots.add(root.toPath().toAbsolutePath());
			}
		} else {
			List<List<String>> reactorRoots = new ArrayList<>();
			for (MavenProject reactorProject : session.getProjects()) {
				reactorRoots.add(reactorProject.getCompileSourceRoots());
			}
			roots.addAll(SourceRoots.defaults(project.getCompileSourceRoots(), project.getTestCompileSourceRoots(),
					reactorRoots));
		}
		try {
			return ArgLine.agentArguments(jar, new AgentOptions(roots, globs(tracePackages), globs(excludePackages))
					.toJvmArguments());
		} catch (IllegalArgumentException e) {
			throw new MojoExecutionException("Invalid frontrun configuration: " + e.getMessage(), e);
		}
	}

	private static List<String> globs(List<String> entries) {
		List<String> globs = new ArrayList<>();
		if (entries != null) {
			for (String entry : entries) {
				for (String glob : entry.split(",")) {
					if (!glob.isBlank()) {
						globs.add(glob.trim());
					}
				}
			}
		}
		return globs;
	}

	/**
	 * Extracts the {@code LD_PRELOAD} library for this platform into
	 * {@code ${project.build.directory}/frontrun/native}, or logs in one info line why C-level I/O detection is
	 * off.
	 *
	 * @return the library, or {@code null} if there is none
	 * @throws MojoExecutionException if the library cannot be extracted
	 */
	protected Path preloadLibrary() throws MojoExecutionException {
		if (!preload) {
			getLog().info("frontrun: C-level I/O detection is off: frontrun.preload is false");
			return null;
		}
		Path nativeJar = PluginArtifacts.find(pluginArtifacts, PluginArtifacts.NATIVE, null).map(File::toPath)
				.orElse(null);
		NativeLibraries.Extraction extraction;
		try {
			extraction = NativeLibraries.extract(nativeJar, NativePlatform.current(),
					Path.of(project.getBuild().getDirectory(), "frontrun", "native"));
		} catch (IOException e) {
			throw new MojoExecutionException("Cannot extract frontrun's LD_PRELOAD library from " + nativeJar, e);
		}
		if (!extraction.isAvailable()) {
			getLog().info("frontrun: C-level I/O detection is off: " + extraction.reason());
			return null;
		}
		Path library;
		try {
			library = NativeLibraries.preloadablePath(extraction.library(), Path.of(System.getProperty("java.io.tmpdir")));
		} catch (IOException e) {
			throw new MojoExecutionException("Cannot copy frontrun's LD_PRELOAD library to the temporary directory", e);
		}
		if (library == null) {
			getLog().info("frontrun: C-level I/O detection is off: LD_PRELOAD cannot name " + extraction.library()
					+ " (a path with a space or colon), nor a copy in java.io.tmpdir");
		} else if (!library.equals(extraction.library())) {
			getLog().info("frontrun: LD_PRELOAD cannot name a path with a space or colon; preloading the copy "
					+ library);
		}
		return library;
	}
}
