package dev.frontrun.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles frontrun's DPOR on W1 and the counter with JFR: the frontrun driver runs for about 22 s under
 * {@code -XX:StartFlightRecording} with the profile settings, CPU sampled every millisecond, every {@code jdk.ThreadPark} recorded (threshold 0)
 * and allocation sampled, and {@link ProfileReport} sums the recording up per execution. The same driver also runs
 * without JFR, to show what recording costs.
 */
final class Profile {

	private Profile() {
	}

	static List<Map<String, Object>> measure(Runner runner) throws IOException {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String workload : List.of("w1", "counter")) {
			Path jfr = runner.logs.resolve("profile-" + workload + ".jfr");
			List<String> jvm = List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,"
					+ "jdk.ThreadPark#threshold=0ms,jdk.ThreadStart#enabled=true,jdk.ExecutionSample#period=1ms,"
					+ "jdk.ObjectAllocationSample#throttle=2000/s", "-javaagent:" + runner.agent());
			List<String> args = List.of("--workload", workload, "--strategy", "dpor", "--mode", "explore",
					"--warmup", "2", "--samples", "20", "--min-sample-ms", "1000");
			Map<String, Object> record = runner.child("profile-" + workload,
					Runner.javaCmd(runner.jdk25, jvm, List.of(runner.classpath())), "dev.frontrun.bench.FrontrunDriver",
					args);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("workload", workload);
			row.put("jdk", runner.jdk25.getFileName().toString());
			row.put("recording", runner.home.relativize(jfr).toString());
			if (record.containsKey("error")) {
				row.put("error", record.get("error"));
				rows.add(row);
				continue;
			}
			long runs = ((Number) record.get("warmupRuns")).longValue() + ((Number) record.get("measuredRuns")).longValue();
			long executions = Math.round(((Number) record.get("executionsPerRun")).doubleValue() * runs);
			row.put("executionsPerSecondUnderJfr", record.get("executionsPerSecond"));
			row.put("microsPerExecutionUnderJfr", record.get("microsPerExecution"));
			row.put("cpuPerWall", record.get("cpuPerWall"));
			row.put("bytesPerExecution", record.get("bytesPerExecution"));
			row.put("threadsPerExecution", record.get("threadsPerExecution"));
			row.put("jfr", ProfileReport.analyze(jfr, executions));
			rows.add(row);
		}
		return rows;
	}
}
