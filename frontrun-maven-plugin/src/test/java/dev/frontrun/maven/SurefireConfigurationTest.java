package dev.frontrun.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.junit.jupiter.api.Test;

class SurefireConfigurationTest {

	private static final Path AGENT = Path.of("/m2/frontrun-core-0.1.0-SNAPSHOT-agent.jar");
	private static final List<String> AGENT_ARGUMENTS = List.of("-javaagent:" + AGENT, "-Dfrontrun.sourceRoots=/p/src");

	static Xpp3Dom xml(String text) {
		try {
			return Xpp3DomBuilder.build(new StringReader(text));
		} catch (XmlPullParserException | IOException e) {
			throw new IllegalArgumentException(e);
		}
	}

	private static Plugin surefire(String configuration, String defaultTestConfiguration) {
		Plugin plugin = new Plugin();
		plugin.setGroupId("org.apache.maven.plugins");
		plugin.setArtifactId("maven-surefire-plugin");
		if (configuration != null) {
			plugin.setConfiguration(xml(configuration));
		}
		if (defaultTestConfiguration != null) {
			PluginExecution execution = new PluginExecution();
			execution.setId("default-test");
			execution.setConfiguration(xml(defaultTestConfiguration));
			plugin.addExecution(execution);
		}
		return plugin;
	}

	@Test
	void surefireVersionComesFromTheBuild() {
		assertTrue(SurefireConfiguration.surefireVersion().matches("\\d+\\.\\d+\\.\\d+.*"),
				SurefireConfiguration.surefireVersion());
	}

	@Test
	void userConfigurationMergesPluginLevelUnderTheDefaultTestExecution() {
		Xpp3Dom user = SurefireConfiguration.userConfiguration(surefire(
				"<configuration><argLine>-Xmx1g</argLine><groups>fast</groups>"
						+ "<includes><include>**/*Check.java</include></includes></configuration>",
				"<configuration><groups>slow</groups><forkCount>2</forkCount></configuration>"));
		assertEquals("-Xmx1g", user.getChild("argLine").getValue());
		assertEquals("slow", user.getChild("groups").getValue());
		assertEquals("2", user.getChild("forkCount").getValue());
		assertEquals("**/*Check.java", user.getChild("includes").getChild("include").getValue());
	}

	@Test
	void userConfigurationWithoutSurefireIsEmpty() {
		assertEquals(0, SurefireConfiguration.userConfiguration(null).getChildCount());
		assertEquals(0, SurefireConfiguration.userConfiguration(surefire(null, null)).getChildCount());
		Plugin unrelatedExecution = surefire(null, null);
		PluginExecution other = new PluginExecution();
		other.setId("integration");
		other.setConfiguration(xml("<configuration><groups>it</groups></configuration>"));
		unrelatedExecution.addExecution(other);
		assertEquals(0, SurefireConfiguration.userConfiguration(unrelatedExecution).getChildCount());
	}

	@Test
	void theConfiguredArgLineWinsOverTheProperty() {
		Properties none = new Properties();
		Properties project = new Properties();
		project.setProperty("argLine", "-javaagent:/j/jacoco.jar");
		Properties commandLine = new Properties();
		commandLine.setProperty("argLine", "-Dfrom=cli");
		assertEquals("-Xmx1g", SurefireConfiguration.userArgLine(
				xml("<configuration><argLine>-Xmx1g</argLine></configuration>"), commandLine, project));
		assertEquals("-Dfrom=cli",
				SurefireConfiguration.userArgLine(xml("<configuration/>"), commandLine, project));
		assertEquals("-javaagent:/j/jacoco.jar",
				SurefireConfiguration.userArgLine(xml("<configuration/>"), none, project));
		assertNull(SurefireConfiguration.userArgLine(xml("<configuration/>"), none, none));
	}

	@Test
	void argLineIsAgentThenUsersWithLateReferencesResolved() {
		Properties project = new Properties();
		project.setProperty("argLine", "-javaagent:/j/jacoco.jar=destfile=/t/jacoco.exec");
		assertEquals("-javaagent:" + AGENT + " -Dfrontrun.sourceRoots=/p/src -javaagent:/j/jacoco.jar=destfile=/t/"
				+ "jacoco.exec -Xmx1g",
				SurefireConfiguration.argLine(AGENT_ARGUMENTS, "@{argLine} -Xmx1g", project, AGENT, name -> {
				}));
		assertEquals("-javaagent:" + AGENT + " -Dfrontrun.sourceRoots=/p/src",
				SurefireConfiguration.argLine(AGENT_ARGUMENTS, null, project, AGENT, name -> {
				}));
	}

	@Test
	void argLineDropsTheAgentThatPrepareAgentPutInTheProperty() {
		Properties project = new Properties();
		project.setProperty("argLine", "-javaagent:/m2/frontrun-core-0.0.1-agent.jar -Dfrontrun.sourceRoots=/old "
				+ "-Dfrontrun.dataDirectory=/t/frontrun -javaagent:/j/jacoco.jar");
		assertEquals("-javaagent:" + AGENT + " -Dfrontrun.sourceRoots=/p/src -javaagent:/j/jacoco.jar -ea",
				SurefireConfiguration.argLine(AGENT_ARGUMENTS, "@{argLine} -ea", project, AGENT, name -> {
				}));
		assertEquals("-javaagent:" + AGENT + " -Dfrontrun.sourceRoots=/p/src -javaagent:/j/jacoco.jar",
				SurefireConfiguration.argLine(AGENT_ARGUMENTS, project.getProperty("argLine"), project, AGENT, name -> {
				}));
	}

	@Test
	void frontrunSettingsGoOnTopOfTheUsersAndKeepTheRest() {
		Xpp3Dom user = xml("<configuration><argLine>-Xmx1g</argLine>"
				+ "<environmentVariables><LD_PRELOAD>/usr/lib/libjemalloc.so</LD_PRELOAD><DB>h2</DB></environmentVariables>"
				+ "<systemPropertyVariables><user.prop>1</user.prop></systemPropertyVariables>"
				+ "<groups>frontrun</groups><reportsDirectory>/t/surefire-reports</reportsDirectory></configuration>");
		Xpp3Dom configuration = SurefireConfiguration.withFrontrunSettings(user, new SurefireConfiguration.Settings(
				"-javaagent:/a.jar -Xmx1g", Path.of("/t/frontrun/native/libfrontrun_io.so"), "/inherited.so",
				Path.of("/t/frontrun"), Path.of("/t/frontrun-reports"), new Properties()));
		assertEquals("-javaagent:/a.jar -Xmx1g", configuration.getChild("argLine").getValue());
		assertEquals("/t/frontrun/native/libfrontrun_io.so:/usr/lib/libjemalloc.so",
				configuration.getChild("environmentVariables").getChild("LD_PRELOAD").getValue());
		assertEquals("h2", configuration.getChild("environmentVariables").getChild("DB").getValue());
		assertEquals("1", configuration.getChild("systemPropertyVariables").getChild("user.prop").getValue());
		assertEquals("/t/frontrun",
				configuration.getChild("systemPropertyVariables").getChild("frontrun.dataDirectory").getValue());
		assertEquals("frontrun", configuration.getChild("groups").getValue());
		assertEquals("/t/frontrun-reports", configuration.getChild("reportsDirectory").getValue());
		assertEquals(1, configuration.getChildren("reportsDirectory").length);
		assertEquals("-Xmx1g", user.getChild("argLine").getValue(), "the user's configuration is not changed");
		assertNull(user.getChild("systemPropertyVariables").getChild("frontrun.dataDirectory"));
	}

	@Test
	void withoutAConfiguredLdPreloadTheInheritedOneIsKept() {
		Xpp3Dom configuration = SurefireConfiguration.withFrontrunSettings(xml("<configuration/>"),
				new SurefireConfiguration.Settings("-javaagent:/a.jar", Path.of("/lib/libfrontrun_io.so"),
						"/inherited.so", Path.of("/t/frontrun"), Path.of("/t/r"), new Properties()));
		assertEquals("/lib/libfrontrun_io.so:/inherited.so",
				configuration.getChild("environmentVariables").getChild("LD_PRELOAD").getValue());
	}

	@Test
	void aConfiguredLdPreloadIsResolvedAgainstBuildTimeProperties() {
		Properties properties = new Properties();
		properties.setProperty("frontrun.preloadLibrary", "/lib/libfrontrun_io.so");
		properties.setProperty("other", "/lib/other.so");
		Xpp3Dom configuration = SurefireConfiguration.withFrontrunSettings(
				xml("<configuration><environmentVariables><LD_PRELOAD>${frontrun.preloadLibrary} ${other} ${unset}"
						+ "</LD_PRELOAD></environmentVariables></configuration>"),
				new SurefireConfiguration.Settings("-javaagent:/a.jar", Path.of("/lib/libfrontrun_io.so"), null,
						Path.of("/t/frontrun"), Path.of("/t/r"), properties));
		assertEquals("/lib/libfrontrun_io.so:/lib/other.so",
				configuration.getChild("environmentVariables").getChild("LD_PRELOAD").getValue());
	}

	@Test
	void aLateReferenceToAMissingPropertyIsLeftOutAndReported() {
		List<String> missing = new ArrayList<>();
		assertEquals("-javaagent:" + AGENT + " -Dfrontrun.sourceRoots=/p/src -Xmx1g", SurefireConfiguration
				.argLine(AGENT_ARGUMENTS, "@{argLine} -Xmx1g", new Properties(), AGENT, missing::add));
		assertEquals(List.of("argLine"), missing);
	}

	@Test
	void withoutALibraryLdPreloadIsLeftAlone() {
		Xpp3Dom configuration = SurefireConfiguration.withFrontrunSettings(xml("<configuration/>"),
				new SurefireConfiguration.Settings("-javaagent:/a.jar", null, "/inherited.so", Path.of("/t/frontrun"),
						Path.of("/t/r"), new Properties()));
		assertNull(configuration.getChild("environmentVariables"));
	}

	private static Parameter parameter(String name, String alias, String implementation) {
		Parameter parameter = new Parameter();
		parameter.setName(name);
		parameter.setAlias(alias);
		parameter.setImplementation(implementation);
		return parameter;
	}

	@Test
	void completeKeepsConfiguredParametersAddsDefaultsAndDropsUnknownElements() {
		DefaultPlexusConfiguration descriptor = new DefaultPlexusConfiguration("configuration");
		DefaultPlexusConfiguration test = new DefaultPlexusConfiguration("test", "${test}");
		descriptor.addChild(test);
		DefaultPlexusConfiguration reports = new DefaultPlexusConfiguration("reportsDirectory");
		reports.setAttribute("default-value", "${project.build.directory}/surefire-reports");
		descriptor.addChild(reports);
		DefaultPlexusConfiguration argLine = new DefaultPlexusConfiguration("argLine", "${argLine}");
		descriptor.addChild(argLine);
		descriptor.addChild(new DefaultPlexusConfiguration("noValue"));
		Xpp3Dom defaults = SurefireConfiguration.defaults(descriptor);
		assertEquals(List.of("test", "reportsDirectory", "argLine"), names(defaults));

		Xpp3Dom configuration = xml("<configuration><argLine>-javaagent:/a.jar</argLine><old>1</old>"
				+ "<reportsDirectory>/t/frontrun-reports</reportsDirectory><tests>Foo</tests></configuration>");
		List<Parameter> parameters = List.of(parameter("test", "tests", null), parameter("argLine", null, null),
				parameter("reportsDirectory", null, "java.io.File"), parameter("groups", null, null));
		Xpp3Dom complete = SurefireConfiguration.complete(configuration, defaults, parameters);

		assertEquals(List.of("test", "argLine", "reportsDirectory"), names(complete));
		assertEquals("Foo", complete.getChild("test").getValue(), "found by its alias");
		assertEquals("-javaagent:/a.jar", complete.getChild("argLine").getValue());
		assertEquals("/t/frontrun-reports", complete.getChild("reportsDirectory").getValue());
		assertEquals("java.io.File", complete.getChild("reportsDirectory").getAttribute("implementation"));
		assertEquals("${project.build.directory}/surefire-reports",
				complete.getChild("reportsDirectory").getAttribute("default-value"));

		Xpp3Dom onlyDefaults = SurefireConfiguration.complete(xml("<configuration/>"), defaults, parameters);
		assertEquals("${test}", onlyDefaults.getChild("test").getValue());
	}

	@Test
	void defaultsOfNothingIsEmpty() {
		assertEquals(0, SurefireConfiguration.defaults(null).getChildCount());
	}

	private static List<String> names(Xpp3Dom dom) {
		List<String> names = new ArrayList<>();
		for (Xpp3Dom child : dom.getChildren()) {
			names.add(child.getName());
		}
		return names;
	}

	private static Dependency dependency(String groupId, String artifactId, String version) {
		Dependency dependency = new Dependency();
		dependency.setGroupId(groupId);
		dependency.setArtifactId(artifactId);
		dependency.setVersion(version);
		return dependency;
	}

	@Test
	void pluginDependenciesKeepTheUsersButNotOtherProvidersOrLaunchers() {
		List<String> dropped = new ArrayList<>();
		List<Dependency> dependencies = SurefireConfiguration.pluginDependencies(List.of(
				dependency("com.acme", "surefire-listener", "1.0"),
				dependency("org.apache.maven.surefire", "surefire-junit-platform", "3.5.4"),
				dependency("org.apache.maven.surefire", "surefire-logger-api", "3.6.1"),
				dependency("org.junit.platform", "junit-platform-launcher", "1.10.0")), "0.1.0", "1.14.4", dropped);
		assertEquals(List.of("com.acme:surefire-listener:1.0", "org.apache.maven.surefire:surefire-logger-api:3.6.1",
				"dev.frontrun:frontrun-surefire-provider:0.1.0", "org.junit.platform:junit-platform-launcher:1.14.4"),
				dependencies.stream().map(d -> d.getGroupId() + ":" + d.getArtifactId() + ":" + d.getVersion())
						.collect(Collectors.toList()));
		assertEquals(List.of("org.apache.maven.surefire:surefire-junit-platform:3.5.4",
				"org.junit.platform:junit-platform-launcher:1.10.0"), dropped);
	}

	@Test
	void aReplayFileReachesTheForkAsAnAbsolutePath() {
		Xpp3Dom configuration = SurefireConfiguration.withReplay(xml("<configuration><systemPropertyVariables>"
				+ "<user.prop>1</user.prop></systemPropertyVariables></configuration>"),
				Path.of("target/frontrun/replay/x.json"));
		Xpp3Dom properties = configuration.getChild("systemPropertyVariables");
		assertEquals("1", properties.getChild("user.prop").getValue());
		assertEquals(Path.of("target/frontrun/replay/x.json").toAbsolutePath().toString(),
				properties.getChild("frontrun.replay").getValue());
	}
}
