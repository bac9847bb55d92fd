package dev.frontrun.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class ArgLineTest {

	private static final Path AGENT = Path.of("/repo/dev/frontrun/frontrun-core/0.1.0/frontrun-core-0.1.0-agent.jar");

	@Test
	void quotesOnlyWhatNeedsIt() {
		assertEquals("-Xmx1g", ArgLine.quote("-Xmx1g"));
		assertEquals("\"-javaagent:/my dir/a.jar\"", ArgLine.quote("-javaagent:/my dir/a.jar"));
		assertEquals("'-Dx=\"y\"'", ArgLine.quote("-Dx=\"y\""));
		assertEquals("\"-Dx=it's\"", ArgLine.quote("-Dx=it's"));
		assertEquals("\"\"", ArgLine.quote(""));
		assertThrows(IllegalArgumentException.class, () -> ArgLine.quote("-Dx=\"it's\""));
	}

	@Test
	void splitsLikeSurefire() {
		assertEquals(List.of("-Xmx1g", "-Da=b c", "-Dd=e f", "x"),
				ArgLine.split("  -Xmx1g\n\"-Da=b c\"\t-Dd='e f'   x "));
		assertEquals(List.of(), ArgLine.split(null));
		assertEquals(List.of(), ArgLine.split("   "));
		assertEquals(List.of(""), ArgLine.split("\"\""));
		assertThrows(IllegalArgumentException.class, () -> ArgLine.split("-Da=\"b"));
	}

	@Test
	void joinThenSplitRoundTrips() {
		List<String> arguments = List.of("-javaagent:/my dir/frontrun agent.jar", "-Dfrontrun.sourceRoots=/a b:/c",
				"-Dq=\"quoted\"", "-Xmx1g");
		assertEquals(arguments, ArgLine.split(ArgLine.join(arguments)));
	}

	@Test
	void agentArgumentsStartWithTheAbsoluteJar() {
		assertEquals(List.of("-javaagent:" + AGENT, "-Dfrontrun.sourceRoots=/src"),
				ArgLine.agentArguments(AGENT, List.of("-Dfrontrun.sourceRoots=/src")));
	}

	@Test
	void recognisesFrontrunArguments() {
		assertTrue(ArgLine.isFrontrunArgument("-javaagent:" + AGENT, null));
		assertTrue(ArgLine.isFrontrunArgument("-javaagent:/old/frontrun-core-0.0.9-agent.jar=x=y", null));
		assertTrue(ArgLine.isFrontrunArgument("-javaagent:/dev/build/my-agent.jar", Path.of("/dev/build/my-agent.jar")));
		assertTrue(ArgLine.isFrontrunArgument("-Dfrontrun.sourceRoots=/a", null));
		assertTrue(ArgLine.isFrontrunArgument("-Dfrontrun.tracePackages=com.acme.*", null));
		assertTrue(ArgLine.isFrontrunArgument("-Dfrontrun.dataDirectory=/t", null));
		assertFalse(ArgLine.isFrontrunArgument("-javaagent:/m2/jacocoagent.jar=destfile=x", AGENT));
		assertFalse(ArgLine.isFrontrunArgument("-Dfrontrun.seed=7", AGENT));
		assertFalse(ArgLine.isFrontrunArgument("-Xmx1g", AGENT));
	}

	@Test
	void prependPutsTheAgentFirstAndKeepsTheRestVerbatim() {
		String jacoco = "-javaagent:/m2/org.jacoco.agent-runtime.jar=destfile=/t/jacoco.exec";
		assertEquals("\"-javaagent:/a b/frontrun-core-1-agent.jar\" -Dfrontrun.sourceRoots=/src " + jacoco,
				ArgLine.prepend(List.of("-javaagent:/a b/frontrun-core-1-agent.jar", "-Dfrontrun.sourceRoots=/src"),
						jacoco, null));
		assertEquals("-javaagent:/x.jar", ArgLine.prepend(List.of("-javaagent:/x.jar"), null, null));
		assertEquals("-javaagent:/x.jar", ArgLine.prepend(List.of("-javaagent:/x.jar"), "  ", null));
		String user = "-Xmx1g\n  -Dkeep='as written'";
		assertEquals("-javaagent:/x.jar " + user, ArgLine.prepend(List.of("-javaagent:/x.jar"), user, null));
	}

	@Test
	void prependIsIdempotent() {
		List<String> agent = List.of("-javaagent:" + AGENT, "-Dfrontrun.sourceRoots=/src dir",
				"-Dfrontrun.dataDirectory=/t/frontrun");
		String once = ArgLine.prepend(agent, "-Xmx1g", AGENT);
		String twice = ArgLine.prepend(agent, once, AGENT);
		assertEquals(once, twice);
		assertEquals("-javaagent:" + AGENT + " \"-Dfrontrun.sourceRoots=/src dir\" -Dfrontrun.dataDirectory=/t/frontrun"
				+ " -Xmx1g", twice);
	}

	@Test
	void prependReplacesAnOlderFrontrunAgent() {
		String old = "-javaagent:/m2/frontrun-core-0.0.9-agent.jar -Dfrontrun.tracePackages=old.* -ea";
		assertEquals("-javaagent:" + AGENT + " -ea", ArgLine.prepend(List.of("-javaagent:" + AGENT), old, AGENT));
	}

	@Test
	void withoutFrontrunArgumentsReturnsTheSameLineWhenThereAreNone() {
		String line = "-Xmx1g   -Dx='y z'";
		assertSame(line, ArgLine.withoutFrontrunArguments(line, AGENT));
		assertEquals("", ArgLine.withoutFrontrunArguments(null, AGENT));
	}

	@Test
	void resolvesLateReferencesAndLeavesOutMissingOnes() {
		Properties properties = new Properties();
		properties.setProperty("argLine", "-javaagent:/j/jacoco.jar");
		properties.setProperty("extra", "-Dextra=1");
		List<String> missing = new ArrayList<>();
		assertEquals("-javaagent:/j/jacoco.jar -Dextra=1  -Xmx1g ${kept}", ArgLine.resolveLateReferences(
				"@{argLine} @{extra} @{missing} -Xmx1g ${kept}", properties, UnaryOperator.identity(), missing::add));
		assertEquals(List.of("missing"), missing);
		assertEquals("-Xmx1g", ArgLine.resolveLateReferences("-Xmx1g", properties, UnaryOperator.identity(),
				missing::add));
		assertNull(ArgLine.resolveLateReferences(null, properties, UnaryOperator.identity(), missing::add));
	}

	@Test
	void resolvedValuesPassThroughTheFilter() {
		Properties properties = new Properties();
		properties.setProperty("argLine", "-javaagent:" + AGENT + " -Dfrontrun.sourceRoots=/src -ea");
		assertEquals("-ea -Xmx1g", ArgLine.resolveLateReferences("@{argLine} -Xmx1g", properties,
				value -> ArgLine.withoutFrontrunArguments(value, AGENT), name -> {
				}));
	}

	@Test
	void replaceReferencesLeavesUnknownAndMalformedReferencesAlone() {
		Properties properties = new Properties();
		properties.setProperty("a", "1");
		assertEquals("1:${b}:${}:1${a", ArgLine.replaceReferences("${a}:${b}:${}:${a}${a", "${",
				properties::getProperty));
		assertEquals("@{a}", ArgLine.replaceReferences("@{a}", "${", properties::getProperty));
	}
}
