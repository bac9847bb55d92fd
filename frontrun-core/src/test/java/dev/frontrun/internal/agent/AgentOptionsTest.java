package dev.frontrun.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

	@Test
	void jvmArgumentsReadBackAsTheSameOptions() {
		AgentOptions options = new AgentOptions(List.of(Path.of("/p/src/main/java"), Path.of("/p/src/test/java")),
				List.of("com.acme.*", "org.lib.?Cache"));
		Properties properties = new Properties();
		for (String argument : options.toJvmArguments()) {
			String[] keyValue = argument.substring(2).split("=", 2);
			properties.setProperty(keyValue[0], keyValue[1]);
		}
		AgentOptions read = AgentOptions.from(properties);
		assertEquals(options.sourceRoots(), read.sourceRoots());
		assertEquals(options.tracePackages(), read.tracePackages());
		assertEquals("/p/src/main/java" + File.pathSeparator + "/p/src/test/java",
				properties.getProperty(AgentOptions.SOURCE_ROOTS));
	}

	@Test
	void absentPropertiesGiveNoOptions() {
		AgentOptions options = AgentOptions.from(new Properties());
		assertTrue(options.sourceRoots().isEmpty());
		assertTrue(options.tracePackages().isEmpty());
		assertTrue(options.toJvmArguments().isEmpty());
	}

	@Test
	void tracePackagesAreCommaSeparatedAndTrimmed() {
		Properties properties = new Properties();
		properties.setProperty(AgentOptions.TRACE_PACKAGES, " com.acme.* , ,org.lib.*");
		assertEquals(List.of("com.acme.*", "org.lib.*"), AgentOptions.from(properties).tracePackages());
	}

	@Test
	void anInvalidGlobIsRejectedWithTheFix() {
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> new AgentOptions(List.of(), List.of("com/acme/**")));
		assertTrue(error.getMessage().contains("'com/acme/**'"), error.getMessage());
		assertTrue(error.getMessage().contains("com.acme.*"), error.getMessage());
	}

	@Test
	void excludedPackagesReadBackAndAreChecked() {
		AgentOptions options = new AgentOptions(List.of(), List.of("com.acme.*"), List.of("com.acme.generated.*"));
		Properties properties = new Properties();
		for (String argument : options.toJvmArguments()) {
			String[] keyValue = argument.substring(2).split("=", 2);
			properties.setProperty(keyValue[0], keyValue[1]);
		}
		assertEquals(List.of("com.acme.generated.*"), AgentOptions.from(properties).excludePackages());
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> new AgentOptions(List.of(), List.of(), List.of("com/acme")));
		assertTrue(error.getMessage().startsWith("Invalid " + AgentOptions.EXCLUDE_PACKAGES), error.getMessage());
	}
}
