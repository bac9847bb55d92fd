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
 * The agent's rewriting of JDK classes, in child JVMs with the agent: it happens only when the first exploration
 * begins, and the rewritten classes pass the bytecode verifier, which the JVM skips for boot classes unless asked.
 */
class JdkVerificationIT {

	@Test
	void theJdkIsRewrittenOnlyForTheFirstExploration() throws Exception {
		String output = runChild(DeferredRewriting.class.getName());
		assertTrue(output.contains("unpark hooked before the first exploration: false, after: true"), output);
	}

	@Test
	void theRewrittenJdkClassesVerify() throws Exception {
		String output = runChild("example.juc.JdkWorkout", "-XX:+UnlockDiagnosticVMOptions",
				"-XX:+BytecodeVerificationLocal");
		assertFalse(output.contains("could not instrument"), output);
		assertTrue(output.contains("true 7 true true true"), output);
	}

	/** Runs a main class in a JVM with this one's agent and class path; returns its output once it exited with 0. */
	private static String runChild(String mainClass, String... options) throws Exception {
		String agent = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
				.filter(argument -> argument.startsWith("-javaagent:")).findFirst().orElseThrow();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(options));
		command.addAll(List.of(agent, "-cp", System.getProperty("java.class.path"), mainClass));
		Path log = Files.createTempFile("frontrun-child", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean exited = process.waitFor(60, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.delete(log);
		assertTrue(exited, output);
		assertEquals(0, process.exitValue(), output);
		return output;
	}
}
