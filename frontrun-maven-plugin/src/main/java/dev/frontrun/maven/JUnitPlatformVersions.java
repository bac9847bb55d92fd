package dev.frontrun.maven;

import java.util.Collection;
import java.util.Optional;

import org.apache.maven.artifact.Artifact;

/**
 * Chooses the {@code junit-platform-launcher} that the frontrun provider runs with. The launcher must be of the
 * same release as the project's {@code junit-platform-engine} (1.14.x for JUnit 5.14, 6.x for JUnit 6): the
 * JUnit Platform modules are released together under one version, so the engine's version is the answer. This
 * is what Surefire's own JUnit Platform detection does.
 */
public final class JUnitPlatformVersions {

	/** The group of the JUnit Platform modules. */
	public static final String PLATFORM_GROUP = "org.junit.platform";

	/** The engine API, which every JUnit Platform test engine (Jupiter included) depends on. */
	public static final String ENGINE = "junit-platform-engine";

	/** The launcher, which the provider needs. */
	public static final String LAUNCHER = "junit-platform-launcher";

	private JUnitPlatformVersions() {
	}

	/**
	 * Returns the launcher version for a project's test artifacts.
	 *
	 * @param testArtifacts the project's resolved test-scope artifacts
	 * @return the version of {@code org.junit.platform:junit-platform-engine}, or empty if the project has no
	 *         JUnit Platform engine
	 */
	public static Optional<String> launcherVersion(Collection<Artifact> testArtifacts) {
		for (Artifact artifact : testArtifacts) {
			if (PLATFORM_GROUP.equals(artifact.getGroupId()) && ENGINE.equals(artifact.getArtifactId())) {
				return Optional.of(artifact.getBaseVersion() != null ? artifact.getBaseVersion() : artifact.getVersion());
			}
		}
		return Optional.empty();
	}
}
