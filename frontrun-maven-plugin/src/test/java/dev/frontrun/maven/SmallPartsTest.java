package dev.frontrun.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of {@link JUnitPlatformVersions}, {@link PluginArtifacts} and {@link SourceRoots}. */
class SmallPartsTest {

	static Artifact artifact(String groupId, String artifactId, String version, String classifier, File file) {
		DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, version, "test", "jar", classifier,
				new DefaultArtifactHandler("jar"));
		artifact.setFile(file);
		return artifact;
	}

	@Test
	void theLauncherMatchesTheEngine() {
		assertEquals(Optional.of("1.14.4"), JUnitPlatformVersions.launcherVersion(List.of(
				artifact("org.junit.jupiter", "junit-jupiter-api", "5.14.4", null, null),
				artifact("org.junit.platform", "junit-platform-engine", "1.14.4", null, null))));
		assertEquals(Optional.of("6.1.3"), JUnitPlatformVersions.launcherVersion(List.of(
				artifact("org.junit.platform", "junit-platform-launcher", "1.14.4", null, null),
				artifact("org.junit.platform", "junit-platform-engine", "6.1.3", null, null))));
		assertEquals(Optional.of("6.1.0-SNAPSHOT"), JUnitPlatformVersions.launcherVersion(List.of(
				artifact("org.junit.platform", "junit-platform-engine", "6.1.0-20260101.101010-3", null, null))));
	}

	@Test
	void noEngineNoLauncher() {
		assertEquals(Optional.empty(), JUnitPlatformVersions.launcherVersion(List.of(
				artifact("junit", "junit", "4.13.2", null, null))));
	}

	@Test
	void findsTheAgentJarByClassifier() {
		File main = new File("/m2/frontrun-core-0.1.0.jar");
		File agent = new File("/m2/frontrun-core-0.1.0-agent.jar");
		List<Artifact> artifacts = List.of(artifact("dev.frontrun", "frontrun-core", "0.1.0", null, main),
				artifact("dev.frontrun", "frontrun-core", "0.1.0", "agent", agent),
				artifact("dev.frontrun", "frontrun-native", "0.1.0", "", new File("/m2/n.jar")));
		assertEquals(Optional.of(agent), PluginArtifacts.find(artifacts, "frontrun-core", "agent"));
		assertEquals(Optional.of(main), PluginArtifacts.find(artifacts, "frontrun-core", null));
		assertEquals(Optional.of(new File("/m2/n.jar")), PluginArtifacts.find(artifacts, "frontrun-native", null));
		assertEquals(Optional.empty(), PluginArtifacts.find(artifacts, "frontrun-jdbc", null));
		assertEquals(Optional.empty(), PluginArtifacts.find(
				List.of(artifact("dev.frontrun", "frontrun-core", "0.1.0", "agent", null)), "frontrun-core", "agent"));
	}

	@Test
	void defaultSourceRootsAreExistingCompileTestAndReactorRootsWithoutDuplicates(@TempDir Path temp)
			throws IOException {
		Path main = Files.createDirectories(temp.resolve("app/src/main/java"));
		Path test = Files.createDirectories(temp.resolve("app/src/test/java"));
		Path lib = Files.createDirectories(temp.resolve("lib/src/main/java"));
		String generated = temp.resolve("app/target/generated-sources/annotations").toString();
		List<Path> roots = SourceRoots.defaults(List.of(main.toString(), generated), List.of(test.toString()),
				List.of(List.of(main.toString()), List.of(lib.toString() + "/../java")));
		assertEquals(List.of(main, test, lib), roots);
	}
}
