package dev.frontrun.maven;

import java.io.File;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import org.apache.maven.artifact.Artifact;

/**
 * Finds frontrun's own jars among the plugin's resolved dependencies ({@code ${plugin.artifacts}}).
 */
public final class PluginArtifacts {

	/** frontrun's group id. */
	public static final String GROUP_ID = "dev.frontrun";

	/** The artifact whose {@value #AGENT_CLASSIFIER} jar is the java agent. */
	public static final String CORE = "frontrun-core";

	/** The classifier of the agent jar. */
	public static final String AGENT_CLASSIFIER = "agent";

	/** The artifact that carries the {@code LD_PRELOAD} library. */
	public static final String NATIVE = "frontrun-native";

	/** The Surefire provider that {@code frontrun:test} adds to Surefire. */
	public static final String PROVIDER = "frontrun-surefire-provider";

	private PluginArtifacts() {
	}

	/**
	 * Finds a jar among artifacts.
	 *
	 * @param artifacts the plugin's artifacts
	 * @param artifactId the artifact id, in group {@value #GROUP_ID}
	 * @param classifier the classifier, or {@code null} for the main jar
	 * @return the resolved file, if the artifact is there and resolved
	 */
	public static Optional<File> find(Collection<Artifact> artifacts, String artifactId, String classifier) {
		for (Artifact artifact : artifacts) {
			if (GROUP_ID.equals(artifact.getGroupId()) && artifactId.equals(artifact.getArtifactId())
					&& Objects.equals(emptyToNull(classifier), emptyToNull(artifact.getClassifier()))
					&& artifact.getFile() != null) {
				return Optional.of(artifact.getFile());
			}
		}
		return Optional.empty();
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}
}
