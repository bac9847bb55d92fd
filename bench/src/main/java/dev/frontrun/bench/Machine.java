package dev.frontrun.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the benchmark ran on: processors, memory, kernel, JDKs, tool versions, the frontrun commit. */
final class Machine {

	private Machine() {
	}

	static Map<String, Object> describe(Path jdk17, Path jdk25, Path fray) {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("processors", Runtime.getRuntime().availableProcessors());
		machine.put("cpu", grep(Path.of("/proc/cpuinfo"), "model name"));
		machine.put("memory", grep(Path.of("/proc/meminfo"), "MemTotal"));
		machine.put("kernel", command(List.of("uname", "-sr")));
		machine.put("jdk17", command(List.of(jdk17.resolve("bin/java").toString(), "-version")));
		machine.put("jdk25", command(List.of(jdk25.resolve("bin/java").toString(), "-version")));
		machine.put("frontrun", "0.1.0-SNAPSHOT, commit " + command(List.of("git", "rev-parse", "--short", "HEAD"))
				+ (command(List.of("git", "status", "--porcelain", "--", "frontrun-core")).isEmpty() ? ""
						: " (frontrun-core has uncommitted changes)"));
		machine.put("fray", fray == null ? "not prepared" : "0.9.2 (fray-junit @ConcurrencyTest); its JDK and agents: " + fray);
		machine.put("lincheck", "3.7 (Lincheck.runConcurrentTest, model checking)");
		machine.put("maven", command(List.of("mvn", "-v")));
		machine.put("hyperfine", command(List.of("hyperfine", "--version")));
		return machine;
	}

	private static String grep(Path file, String key) {
		try {
			for (String line : Files.readAllLines(file)) {
				if (line.startsWith(key)) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		} catch (IOException e) {
			// not Linux
		}
		return "?";
	}

	/** The first line of a command's output, or "" if it cannot run. */
	static String command(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			String first = output.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
			return first.replaceAll("\u001B\\[[;\\d]*m", "").trim();
		} catch (IOException e) {
			return "";
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "";
		}
	}
}
