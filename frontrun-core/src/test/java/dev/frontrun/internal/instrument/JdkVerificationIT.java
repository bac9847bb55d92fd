package dev.frontrun.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JDK classes the agent rewrites pass the bytecode verifier, which the JVM skips for boot classes unless asked:
 * a child JVM with the agent and boot-class verification loads every class of java.util.concurrent and uses them.
 */
class JdkVerificationIT {

	@Test
	void theRewrittenJdkClassesVerify() throws Exception {
		String agent = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
				.filter(argument -> argument.startsWith("-javaagent:")).findFirst().orElseThrow();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:+UnlockDiagnosticVMOptions", "-XX:+BytecodeVerificationLocal", agent, "-cp",
				System.getProperty("java.class.path"), "example.juc.JdkWorkout"));
		Path log = Files.createTempFile("jdk-workout", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean exited = process.waitFor(60, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.delete(log);
		assertTrue(exited, output);
		assertEquals(0, process.exitValue(), output);
		assertFalse(output.contains("could not instrument"), output);
		assertTrue(output.contains("true 7 true true true"), output);
	}
}
