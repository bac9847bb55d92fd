package dev.frontrun.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start-up cost of an agent: the wall time of launching a JVM that runs {@code benchmarks.Hello}, without and
 * with the agent, on each JDK; hyperfine (3 warm-ups, 30 runs each) when it is installed, else 30 timed launches
 * after 3 warm-ups. Fray's JVM (its instrumented JDK with its java agent and JVMTI agent) is timed the same way,
 * for comparison.
 */
final class Startup {

	private Startup() {
	}

	static List<Map<String, Object>> measure(Runner runner) throws IOException, InterruptedException {
		List<Map<String, Object>> rows = new ArrayList<>();
		String cp = runner.classpath();
		for (Path jdk : List.of(runner.jdk17, runner.jdk25)) {
			String java = jdk.resolve("bin/java").toString();
			rows.add(compare(runner, "frontrun agent, " + jdk.getFileName(),
					List.of(java, "-cp", cp, "benchmarks.Hello"),
					List.of(java, "-javaagent:" + runner.agent(), "-cp", cp, "benchmarks.Hello")));
		}
		if (runner.fray != null && Files.exists(runner.fray)) {
			java.util.Properties props = new java.util.Properties();
			try (var in = Files.newBufferedReader(runner.fray)) {
				props.load(in);
			}
			List<String> withFray = new ArrayList<>();
			withFray.add(props.getProperty("jvm"));
			for (String arg : props.getProperty("argLine").trim().split("\\s+")) {
				withFray.add(arg);
			}
			// Fray's agent needs Fray's libraries (Kotlin and all) on the class path
			String frayCp = cp + java.io.File.pathSeparator + runner.peerClasspath("fray");
			withFray.addAll(List.of("-cp", frayCp, "benchmarks.Hello"));
			rows.add(compare(runner, "Fray agents, on Fray's instrumented JDK 25 (against plain Temurin 25)",
					List.of(runner.jdk25.resolve("bin/java").toString(), "-cp", frayCp, "benchmarks.Hello"),
					withFray));
		}
		return rows;
	}

	private static Map<String, Object> compare(Runner runner, String name, List<String> plain, List<String> agent)
			throws IOException, InterruptedException {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", name);
		Runner.log("start-up: " + name);
		if (!Machine.command(List.of("hyperfine", "--version")).isEmpty()) {
			Path json = runner.logs.resolve("startup-" + name.replaceAll("[^A-Za-z0-9]+", "-") + ".json");
			List<String> command = new ArrayList<>(List.of("hyperfine", "-N", "--warmup", "3", "--runs", "30",
					"--export-json", json.toString(), String.join(" ", plain), String.join(" ", agent)));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(runner.logs.resolve("startup.log").toFile()).start();
			process.waitFor();
			@SuppressWarnings("unchecked")
			Map<String, Object> parsed = (Map<String, Object>) Json.parse(Files.readString(json));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> results = (List<Map<String, Object>>) parsed.get("results");
			row.put("method", "hyperfine -N, 3 warm-ups, 30 runs");
			row.put("plainMedianMs", ((Number) results.get(0).get("median")).doubleValue() * 1000);
			row.put("plainMeanMs", ((Number) results.get(0).get("mean")).doubleValue() * 1000);
			row.put("plainStddevMs", ((Number) results.get(0).get("stddev")).doubleValue() * 1000);
			row.put("agentMedianMs", ((Number) results.get(1).get("median")).doubleValue() * 1000);
			row.put("agentMeanMs", ((Number) results.get(1).get("mean")).doubleValue() * 1000);
			row.put("agentStddevMs", ((Number) results.get(1).get("stddev")).doubleValue() * 1000);
		} else {
			row.put("method", "30 timed launches after 3 warm-ups (hyperfine not installed)");
			row.put("plainMedianMs", launches(plain));
			row.put("agentMedianMs", launches(agent));
		}
		row.put("overheadMs", (Double) row.get("agentMedianMs") - (Double) row.get("plainMedianMs"));
		return row;
	}

	private static double launches(List<String> command) throws IOException, InterruptedException {
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < 33; i++) {
			long start = System.nanoTime();
			new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start().waitFor();
			if (i >= 3) {
				times.add((System.nanoTime() - start) / 1e6);
			}
		}
		return Measure.medianDouble(times);
	}
}
