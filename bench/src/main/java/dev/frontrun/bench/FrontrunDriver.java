package dev.frontrun.bench;

import dev.frontrun.Exploration;
import dev.frontrun.ExplorationResult;
import dev.frontrun.Frontrun;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures one workload under one frontrun strategy, in a JVM started with frontrun's agent. Modes:
 * <ul>
 * <li>{@code explore}: runs to the budget ({@code maxExecutions}) or until the space is exhausted, going on after
 * violations ({@code stopOnFirst(false)}): throughput and, for DPOR, the exploration count;</li>
 * <li>{@code first}: stops at the first violation: executions and time until it.</li>
 * </ul>
 * Failing schedules are not replayed ({@code reproduceOnFailure(0)}), so that the times are the search's alone.
 *
 * <pre>
 * java -javaagent:frontrun-agent.jar -cp ... dev.frontrun.bench.FrontrunDriver --workload w1 --strategy dpor
 *      --mode explore [--budget N] [--warmup 2] [--samples 5] [--min-sample-ms 500] [--seed 1]
 * </pre>
 */
public final class FrontrunDriver {

	private FrontrunDriver() {
	}

	/**
	 * @param args see the class comment
	 * @throws Exception if the exploration fails
	 */
	public static void main(String[] args) throws Exception {
		Map<String, String> options = Measure.options(args);
		Workload<?> workload = Workloads.byId(options.get("workload"));
		String strategy = options.getOrDefault("strategy", "dpor");
		String mode = options.getOrDefault("mode", "explore");
		long budget = Long.parseLong(options.getOrDefault("budget", String.valueOf(workload.budget())));
		long seed = Long.parseLong(options.getOrDefault("seed", "1"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
		int samples = Integer.parseInt(options.getOrDefault("samples", "5"));
		long minSample = Long.parseLong(options.getOrDefault("min-sample-ms", "500")) * 1_000_000;

		Map<String, Object> record = new LinkedHashMap<>();
		record.put("tool", "frontrun");
		record.put("strategy", strategy);
		record.put("workload", workload.id());
		record.put("mode", mode);
		record.put("budget", budget);
		record.put("java", System.getProperty("java.version"));
		record.putAll(Measure.measure(index -> once(workload, strategy, mode, budget, seed + index), warmup,
				samples, minSample));
		Measure.emit(record);
	}

	private static <S> Measure.Outcome once(Workload<S> workload, String strategy, String mode, long budget,
			long seed) {
		Exploration<S> exploration = Frontrun.explore(workload::setup);
		for (int i = 0; i < workload.threads(); i++) {
			int thread = i;
			exploration.thread(state -> workload.run(state, thread));
		}
		exploration.invariant(state -> {
			workload.check(state);
			return true;
		});
		String[] order = strategy.split("/", 2);
		if (order.length == 2) {
			// the seeded search orders get the run's seed, so that the runs of a cell differ
			boolean seeded = List.of("bit-reversal", "round-robin", "stride").contains(order[1]);
			exploration.search(seeded ? order[1] + ":" + seed : order[1]);
		}
		exploration.strategy(Strategies.strategy(strategy, seed));
		if (Strategies.randomized(strategy)) {
			exploration.maxAttempts(Math.toIntExact(budget));
		} else {
			exploration.maxExecutions(budget);
		}
		ExplorationResult result = exploration.stopOnFirst(mode.equals("first"))
				.reproduceOnFailure(0)
				.totalTimeout(Duration.ofHours(1))
				.run();
		long failedAt = result.failures().isEmpty() ? -1 : result.failures().get(0).execution();
		String verdict = switch (result.verdict()) {
		case HOLDS -> "HOLDS";
		case INCONCLUSIVE -> result.executions() >= budget ? "BUDGET" : "INCONCLUSIVE";
		case VIOLATED -> result.explanation().startsWith("Deadlock") ? "DEADLOCK" : "VIOLATION";
		};
		String note = result.verdict() == dev.frontrun.Verdict.INCONCLUSIVE && result.executions() < budget
				? firstLine(result.explanation()) : null;
		return new Measure.Outcome(result.executions(), failedAt, verdict, result.exhausted(), -1, note);
	}

	private static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline);
	}
}
