package dev.frontrun.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns results.json into the Markdown tables of results.md and of the site page. */
final class Report {

	private final Map<String, Object> results;
	private final List<Map<String, Object>> cells;
	private final StringBuilder out = new StringBuilder();

	@SuppressWarnings("unchecked")
	private Report(Map<String, Object> results) {
		this.results = results;
		this.cells = (List<Map<String, Object>>) results.getOrDefault("cells", List.of());
	}

	static String markdown(Map<String, Object> results) {
		return new Report(results).render();
	}

	static String sitePage(String markdown) {
		return "# Benchmarks\n\n"
				+ "frontrun measured side by side with Fray 0.9.2 and Lincheck 3.7, by the harness of `bench/` "
				+ "(how to rerun it: `bench/README.md`). Higher executions per second is better; a ratio above 1 means "
				+ "frontrun is faster. These figures come from one run on the machine described below; rerun the "
				+ "harness on yours before quoting them.\n\n" + markdown.substring(markdown.indexOf('\n') + 1);
	}

	// ------------------------------------------------------------------------------------------------ render

	private String render() {
		line("# frontrun benchmark results");
		line("");
		machine();
		throughput();
		bugs();
		counts();
		costs();
		verdicts();
		startup();
		suite();
		baselines();
		profile();
		goals();
		return out.toString();
	}

	/** The rows of a section of the results, such as {@code "startup"}, or {@code null} if the run skipped it. */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> section(String key) {
		return (List<Map<String, Object>>) results.get(key);
	}

	@SuppressWarnings("unchecked")
	private void machine() {
		Map<String, Object> m = (Map<String, Object>) results.getOrDefault("machine", Map.of());
		line("Run of " + results.get("started") + (Boolean.TRUE.equals(results.get("quick")) ? " (**quick mode**: "
				+ "smaller budgets, fewer rows; not for quoting)" : "") + ", " + fmt(num(results.get("minutes")), 0)
				+ " minutes.");
		line("");
		line("| | |");
		line("|---|---|");
		for (String key : List.of("processors", "cpu", "memory", "kernel", "jdk17", "jdk25", "frontrun", "fray",
				"lincheck", "maven", "hyperfine")) {
			line("| " + key + " | " + m.getOrDefault(key, "") + " |");
		}
		line("");
		line("Every cell runs in a fresh JVM on Temurin 25 (Fray: its instrumented copy of it), unless marked JDK 17. "
				+ "A cell warms up for at least 3 s (and 2 runs), then takes 5 samples; a sample repeats runs for at "
				+ "least 0.5 s (frontrun) "
				+ "or is one run (Fray: 1,000 iterations; Lincheck: 1,000 invocations, 300 for W4). Figures are "
				+ "medians over the samples. frontrun's randomized strategies and Fray run 1,000 executions per run; "
				+ "DPOR runs to exhaustion (W4: a fixed budget of 10,000).");
		line("");
	}

	private void throughput() {
		line("## 1. Executions per second");
		line("");
		line("Median executions per second (µs per execution in brackets). Ratio = frontrun DPOR's executions/s "
				+ "÷ the peer's (above 1: frontrun is faster). A tool that stops at the first bug has no throughput "
				+ "figure for a buggy workload (see section 2).");
		line("");
		StringBuilder header = new StringBuilder("| workload | frontrun DPOR | frontrun random | frontrun PCT "
				+ "| frontrun POS | Fray POS | Fray PCT | Lincheck | DPOR ÷ Fray POS | DPOR ÷ Fray PCT "
				+ "| DPOR ÷ Lincheck | random ÷ best Fray |");
		line(header.toString());
		line("|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (Workload<?> w : Workloads.all()) {
			String id = w.id();
			Map<String, Object> dpor = cell("frontrun", "dpor", id, "explore", "temurin");
			if (dpor == null) {
				continue;
			}
			Map<String, Object> random = cell("frontrun", "random", id, "explore", "temurin");
			Map<String, Object> pos = cell("fray", "pos", id, null, null);
			Map<String, Object> pct = cell("fray", "pct", id, null, null);
			Map<String, Object> lin = cell("lincheck", "model-checking", id, null, null);
			double best = Math.max(rate(pos), rate(pct));
			line("| " + id + " | " + speed(dpor) + " | " + speed(random) + " | "
					+ speed(cell("frontrun", "pct", id, "explore", "temurin")) + " | "
					+ speed(cell("frontrun", "pos", id, "explore", "temurin")) + " | " + speed(pos) + " | "
					+ speed(pct) + " | " + speed(lin) + " | " + ratio(rate(dpor), rate(pos)) + " | "
					+ ratio(rate(dpor), rate(pct)) + " | " + ratio(rate(dpor), rate(lin)) + " | "
					+ ratio(rate(random), best) + " |");
		}
		line("");
	}

	private void bugs() {
		line("## 2. Executions and time until the first failure (buggy workloads)");
		line("");
		line("Median over the runs of the cell: executions until the first failing one, and milliseconds from the "
				+ "start of the run to it (frontrun: to the end of the exploration, which stops there; Fray: to "
				+ "the failing iteration's end; Lincheck: to the end of runConcurrentTest, which includes building "
				+ "its trace). \"not found\" = no failure within the budget in any run. DPOR's default DFS order is "
				+ "deterministic; conflict-first and bit-reversal (seeded per run) are DPOR's other search orders, for "
				+ "finding bugs sooner. Ratio = peer's time ÷ frontrun DPOR (DFS)'s (above 1: frontrun finds it "
				+ "sooner).");
		line("");
		line("| workload | expected | frontrun DPOR | DPOR conflict-first | DPOR bit-reversal | frontrun random "
				+ "| frontrun PCT | frontrun POS | Fray POS | Fray PCT | Lincheck | Fray POS ÷ DPOR | Fray PCT ÷ DPOR "
				+ "| Lincheck ÷ DPOR |");
		line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (Workload<?> w : Workloads.all()) {
			if (w.expect() == Workload.Expect.HOLDS) {
				continue;
			}
			String id = w.id();
			Map<String, Object> dpor = cell("frontrun", "dpor", id, "first", "temurin");
			if (dpor == null) {
				continue;
			}
			Map<String, Object> pos = cell("fray", "pos", id, null, null);
			Map<String, Object> pct = cell("fray", "pct", id, null, null);
			Map<String, Object> lin = cell("lincheck", "model-checking", id, null, null);
			line("| " + id + " | " + w.expect().name().toLowerCase(Locale.ROOT) + " | " + first(dpor) + " | "
					+ first(cell("frontrun", "dpor/conflict-first", id, "first", "temurin")) + " | "
					+ first(cell("frontrun", "dpor/bit-reversal", id, "first", "temurin")) + " | "
					+ first(cell("frontrun", "random", id, "first", "temurin")) + " | "
					+ first(cell("frontrun", "pct", id, "first", "temurin")) + " | "
					+ first(cell("frontrun", "pos", id, "first", "temurin")) + " | " + first(pos) + " | "
					+ first(pct) + " | " + first(lin) + " | " + ratio(firstMillis(pos), firstMillis(dpor)) + " | "
					+ ratio(firstMillis(pct), firstMillis(dpor)) + " | " + ratio(firstMillis(lin), firstMillis(dpor))
					+ " |");
		}
		line("");
	}

	private void counts() {
		line("## 3. DPOR: exploration counts and time to a complete verdict");
		line("");
		line("frontrun DPOR explores every interleaving class once (stopOnFirst(false): it goes on past "
				+ "failures). Traces = the known number of Mazurkiewicz traces (shared/oracles/README.md), which an "
				+ "optimal DPOR must match. Time = one whole exploration. Lincheck: invocations when its bounded "
				+ "search ended by itself, if it did before its budget.");
		line("");
		line("| workload | threads | DPOR executions | traces | matches | complete | time (JDK 25) | µs/execution "
				+ "(JDK 25) | time (JDK 17) | µs/execution (JDK 17) | Lincheck's search ended after |");
		line("|---|---|---|---|---|---|---|---|---|---|---|");
		for (Workload<?> w : Workloads.all()) {
			Map<String, Object> dpor = cell("frontrun", "dpor", w.id(), "explore", "temurin");
			if (dpor == null || dpor.containsKey("error")) {
				continue;
			}
			Map<String, Object> d17 = cell("frontrun", "dpor", w.id(), "explore", "17");
			Map<String, Object> lin = cell("lincheck", "model-checking", w.id(), null, null);
			double executions = num(dpor.get("executionsPerRun"));
			long budget = (long) num(dpor.get("budget"));
			String complete = executions < budget ? "yes" : "budget " + String.format("%,d", budget);
			line("| " + w.id() + " | " + w.threads() + " | " + String.format("%,.0f", executions) + " | "
					+ (w.traces() < 0 ? "?" : String.format("%,d", w.traces())) + " | "
					+ (w.traces() < 0 || executions >= budget ? "—" : executions == w.traces() ? "yes" : "**no**")
					+ " | " + complete + " | " + millis(num(dpor.get("runMillis"))) + " | "
					+ fmt(num(dpor.get("microsPerExecution")), 0) + " | "
					+ (d17 == null ? "—" : millis(num(d17.get("runMillis")))) + " | "
					+ (d17 == null ? "—" : fmt(num(d17.get("microsPerExecution")), 0)) + " | "
					+ linEnded(lin) + " |");
		}
		line("");
	}

	private void costs() {
		line("## 4. Memory and what one execution costs");
		line("");
		line("Peak resident memory of the cell's JVM (MB), threads started and KB allocated per execution, and CPU "
				+ "time ÷ wall time (2 = both cores busy). For a run that stops at a bug after a few executions, the per-execution "
				+ "figures include reporting the bug.");
		line("");
		line("| workload | peak RSS frontrun DPOR | Fray POS | Lincheck | threads/exec frontrun | Fray | Lincheck "
				+ "| KB/exec frontrun | Fray | Lincheck | CPU÷wall frontrun | Fray | Lincheck |");
		line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (Workload<?> w : Workloads.all()) {
			Map<String, Object> d = cell("frontrun", "dpor", w.id(), "explore", "temurin");
			if (d == null) {
				continue;
			}
			Map<String, Object> f = cell("fray", "pos", w.id(), null, null);
			Map<String, Object> l = cell("lincheck", "model-checking", w.id(), null, null);
			line("| " + w.id() + " | " + fmt(get(d, "peakRssMB"), 0) + " | " + fmt(get(f, "peakRssMB"), 0) + " | "
					+ fmt(get(l, "peakRssMB"), 0) + " | " + fmt(get(d, "threadsPerExecution"), 1) + " | "
					+ fmt(get(f, "threadsPerExecution"), 1) + " | " + fmt(get(l, "threadsPerExecution"), 1) + " | "
					+ fmt(get(d, "bytesPerExecution") / 1024, 1) + " | " + fmt(get(f, "bytesPerExecution") / 1024, 1)
					+ " | " + fmt(get(l, "bytesPerExecution") / 1024, 1) + " | " + fmt(get(d, "cpuPerWall"), 2)
					+ " | " + fmt(get(f, "cpuPerWall"), 2) + " | " + fmt(get(l, "cpuPerWall"), 2) + " |");
		}
		line("");
	}

	@SuppressWarnings("unchecked")
	private void verdicts() {
		line("## 5. Did each tool get the right answer?");
		line("");
		line("Every cell's verdicts against what the workload is (holds, violation, deadlock). Cells that "
				+ "could not run say why.");
		line("");
		line("Other load = CPU (in cores, of 2) that other processes on the machine used while the cell ran; a cell "
				+ "over " + Runner.QUIET + " was run again, up to 3 attempts, keeping the quietest.");
		line("");
		line("| tool | strategy | workload | expected | verdicts of the runs | check | other load | note |");
		line("|---|---|---|---|---|---|---|---|");
		for (Map<String, Object> c : cells) {
			String id = String.valueOf(c.get("workload"));
			Workload<?> w;
			try {
				w = Workloads.byId(id);
			} catch (IllegalArgumentException e) {
				continue;
			}
			String expected = w.expect().name();
			String check;
			String note = "";
			Map<String, Object> verdicts = (Map<String, Object>) c.get("verdicts");
			if (c.containsKey("unavailable")) {
				check = "not run";
				note = String.valueOf(c.get("unavailable"));
			} else if (c.containsKey("error")) {
				check = "**error**";
				note = String.valueOf(c.get("error"));
			} else {
				check = check(w.expect(), verdicts);
				Object notes = c.get("notes");
				if (notes instanceof Map<?, ?> n && !n.isEmpty()) {
					note = String.valueOf(n.keySet().iterator().next()).replace("|", "\\|");
				}
			}
			line("| " + c.get("tool") + " | " + c.get("strategy") + (String.valueOf(c.get("jdk")).contains("17")
					? " (JDK 17)" : "") + " | " + id + " | " + expected.toLowerCase(Locale.ROOT) + " | "
					+ (verdicts == null ? "—" : verdicts.toString()) + " | " + check + " | "
					+ fmt(get(c, "otherCores"), 2) + (num(c.get("attempts")) > 1 ? " (" + fmt(num(c.get("attempts")), 0)
							+ " attempts)" : "") + " | " + abbreviate(note, 140) + " |");
		}
		line("");
	}

	private static String check(Workload.Expect expect, Map<String, Object> verdicts) {
		if (verdicts == null || verdicts.isEmpty()) {
			return "—";
		}
		boolean violation = verdicts.containsKey("VIOLATION");
		boolean deadlock = verdicts.containsKey("DEADLOCK");
		boolean error = verdicts.containsKey("ERROR");
		boolean inconclusive = verdicts.containsKey("INCONCLUSIVE") || verdicts.containsKey("INCOMPLETE");
		switch (expect) {
		case HOLDS:
			return violation || deadlock ? "**false alarm**" : error ? "**error**" : inconclusive ? "inconclusive"
					: "ok";
		case VIOLATION:
			return violation ? (verdicts.size() == 1 ? "ok" : "found in some runs") : deadlock ? "**wrong kind**"
					: "**missed**";
		default:
			return deadlock ? (verdicts.size() == 1 ? "ok" : "found in some runs") : violation ? "**wrong kind**"
					: "**missed**";
		}
	}

	private void startup() {
		List<Map<String, Object>> rows = section("startup");
		if (rows == null) {
			return;
		}
		line("## 6. Agent start-up");
		line("");
		line("Wall time of a JVM that runs `benchmarks.Hello` (which touches one field of one instrumented class), "
				+ "without and with the agent. Median of 30 runs.");
		line("");
		line("| agent | method | plain JVM (ms) | with agent (ms) | overhead (ms) |");
		line("|---|---|---|---|---|");
		for (Map<String, Object> r : rows) {
			line("| " + r.get("name") + " | " + r.get("method") + " | " + fmt(num(r.get("plainMedianMs")), 0) + " | "
					+ fmt(num(r.get("agentMedianMs")), 0) + " | " + fmt(num(r.get("overheadMs")), 0) + " |");
		}
		line("");
	}

	private void suite() {
		List<Map<String, Object>> rows = section("suite");
		if (rows == null) {
			return;
		}
		line("## 7. Overhead on ordinary tests");
		line("");
		line("`bench/suite`: ordinary JUnit 5 tests of small classes, no frontrun API. `mvn -o test` against "
				+ "`mvn -o frontrun:test` (same tests, with the agent and the preload library), alternately, 5 "
				+ "times each after a warm-up; medians. In-fork = the time the Surefire reports give the tests.");
		line("");
		line("| JDK | tests | `mvn test` wall (s) | `mvn frontrun:test` wall (s) | ratio | in-fork plain (s) "
				+ "| in-fork with agent (s) | ratio |");
		line("|---|---|---|---|---|---|---|---|");
		for (Map<String, Object> r : rows) {
			if (r.containsKey("error")) {
				line("| " + r.get("jdk") + " | error: " + r.get("error") + " | | | | | | |");
				continue;
			}
			line("| " + r.get("jdk") + " | " + r.get("tests") + " | " + fmt(num(r.get("mvnTestWallSeconds")), 2)
					+ " | " + fmt(num(r.get("frontrunTestWallSeconds")), 2) + " | "
					+ fmt(num(r.get("wallRatio")), 2) + "× | " + fmt(num(r.get("mvnTestInForkSeconds")), 2) + " | "
					+ fmt(num(r.get("frontrunTestInForkSeconds")), 2) + " | " + fmt(num(r.get("inForkRatio")), 2)
					+ "× |");
		}
		line("");
	}

	private void baselines() {
		List<Map<String, Object>> rows = section("baselines");
		if (rows == null || rows.isEmpty() || rows.get(0).containsKey("error")) {
			return;
		}
		Map<String, Object> b = rows.get(0);
		line("## 8. Floors on this machine (no tool)");
		line("");
		line("- create, start and join one thread: **" + fmt(num(b.get("threadStartJoinMicros")), 1) + " µs**");
		line("- hand a turn to another thread with park/unpark: **" + fmt(num(b.get("parkUnparkHandoffMicros")), 1)
				+ " µs** per hand-over");
		line("");
	}

	@SuppressWarnings("unchecked")
	private void profile() {
		List<Map<String, Object>> rows = section("profile");
		if (rows == null) {
			return;
		}
		line("## 9. Profile of frontrun DPOR (JFR)");
		line("");
		for (Map<String, Object> r : rows) {
			if (r.containsKey("error")) {
				line("- " + r.get("workload") + ": " + r.get("error"));
				continue;
			}
			Map<String, Object> jfr = (Map<String, Object>) r.get("jfr");
			line("### " + r.get("workload") + " (" + r.get("recording") + ")");
			line("");
			line("Under JFR: " + fmt(num(r.get("executionsPerSecondUnderJfr")), 0) + " executions/s; "
					+ fmt(num(r.get("threadsPerExecution")), 1) + " threads and "
					+ fmt(num(r.get("bytesPerExecution")) / 1024, 1) + " KB allocated per execution; CPU÷wall "
					+ fmt(num(r.get("cpuPerWall")), 2) + "; " + fmt(num(jfr.get("parksPerExecution")), 1)
					+ " parks per execution; " + jfr.get("cpuSamples") + " CPU samples.");
			line("");
			line("| parked in | parks/exec | µs parked/exec | mean µs per park |");
			line("|---|---|---|---|");
			for (Map.Entry<String, Object> e : ((Map<String, Object>) jfr.get("parksBySite")).entrySet()) {
				Map<String, Object> s = (Map<String, Object>) e.getValue();
				line("| " + e.getKey() + " | " + fmt(num(s.get("perExecution")), 2) + " | "
						+ fmt(num(s.get("microsPerExecution")), 0) + " | " + fmt(num(s.get("meanMicros")), 0) + " |");
			}
			line("");
			line("| CPU samples by part | % | | allocation by part | % |");
			line("|---|---|---|---|---|");
			List<Map.Entry<String, Object>> cpu = new ArrayList<>(
					((Map<String, Object>) jfr.get("cpuSamplesByPart")).entrySet());
			List<Map.Entry<String, Object>> alloc = new ArrayList<>(
					((Map<String, Object>) jfr.get("allocationByPart")).entrySet());
			for (int i = 0; i < Math.max(cpu.size(), alloc.size()); i++) {
				line("| " + (i < cpu.size() ? cpu.get(i).getKey() + " | " + fmt(num(cpu.get(i).getValue()), 0) : " | ")
						+ " | | " + (i < alloc.size() ? alloc.get(i).getKey() + " | "
								+ fmt(num(alloc.get(i).getValue()), 0) : " | ") + " |");
			}
			line("");
		}
	}

	private void goals() {
		line("## 10. The performance goals of issue 5");
		line("");
		line("| goal | measured | met? |");
		line("|---|---|---|");
		for (String id : List.of("w1", "w4")) {
			double best = Math.max(rate(cell("fray", "pos", id, null, null)), rate(cell("fray", "pct", id, null, null)));
			double r = rate(cell("frontrun", "random", id, "explore", "temurin"));
			line("| " + id + ": random ≥ 5× Fray's executions/s | " + ratio(r, best) + " (" + fmt(r, 0) + " vs "
					+ fmt(best, 0) + "/s) | " + met(r >= 5 * best, r, best) + " |");
		}
		Map<String, Object> random = cell("frontrun", "random", "w1", "explore", "temurin");
		Map<String, Object> dpor = cell("frontrun", "dpor", "w1", "explore", "temurin");
		double cost = get(dpor, "microsPerExecution") / get(random, "microsPerExecution");
		line("| W1: DPOR within 2× of random's per-execution cost | " + fmt(cost, 2) + "× ("
				+ fmt(get(dpor, "microsPerExecution"), 0) + " vs " + fmt(get(random, "microsPerExecution"), 0)
				+ " µs) | " + met(cost <= 2, cost) + " |");
		List<Map<String, Object>> startup = section("startup");
		if (startup != null) {
			for (Map<String, Object> r : startup) {
				if (String.valueOf(r.get("name")).startsWith("frontrun")) {
					double o = num(r.get("overheadMs"));
					line("| agent start-up < 300 ms over a plain JVM (" + r.get("name") + ") | " + fmt(o, 0) + " ms | "
							+ (o < 300 ? "**yes**" : "**no**") + " |");
				}
			}
		}
		List<Map<String, Object>> suite = section("suite");
		if (suite != null) {
			for (Map<String, Object> r : suite) {
				if (!r.containsKey("error")) {
					double w = num(r.get("wallRatio"));
					line("| ordinary-test overhead < 1.3× (" + r.get("jdk") + ") | " + fmt(w, 2) + "× wall, "
							+ fmt(num(r.get("inForkRatio")), 2) + "× in the test JVM | "
							+ (w < 1.3 ? "**yes**" : "**no**") + " |");
				}
			}
		}
		line("");
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private Map<String, Object> cell(String tool, String strategy, String workload, String mode, String jdk) {
		for (Map<String, Object> c : cells) {
			if (tool.equals(c.get("tool")) && strategy.equals(c.get("strategy")) && workload.equals(c.get("workload"))
					&& (mode == null || mode.equals(c.get("mode")))
					&& (jdk == null || String.valueOf(c.get("jdk")).contains(jdk))) {
				return c;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static boolean stoppedAtBug(Map<String, Object> c) {
		if (c == null || !"fray".equals(c.get("tool")) && !"lincheck".equals(c.get("tool"))) {
			return false;
		}
		Map<String, Object> verdicts = (Map<String, Object>) c.get("verdicts");
		return verdicts != null && (verdicts.containsKey("VIOLATION") || verdicts.containsKey("DEADLOCK"));
	}

	private static double rate(Map<String, Object> c) {
		if (c == null || c.containsKey("error") || c.containsKey("unavailable") || stoppedAtBug(c)) {
			return Double.NaN;
		}
		return num(c.get("executionsPerSecond"));
	}

	private static String speed(Map<String, Object> c) {
		if (c == null) {
			return "—";
		}
		if (c.containsKey("unavailable")) {
			return "n/a";
		}
		if (c.containsKey("error")) {
			return "error";
		}
		if (stoppedAtBug(c)) {
			return "stops at the bug";
		}
		return fmt(num(c.get("executionsPerSecond")), 0) + " (" + fmt(num(c.get("microsPerExecution")), 0) + ")";
	}

	@SuppressWarnings("unchecked")
	private static String first(Map<String, Object> c) {
		if (c == null) {
			return "—";
		}
		if (c.containsKey("unavailable")) {
			return "n/a";
		}
		if (c.containsKey("error")) {
			return "error";
		}
		Map<String, Object> f = (Map<String, Object>) c.get("firstFailure");
		long found = (long) num(f.get("found"));
		long notFound = (long) num(f.get("notFound"));
		if (found == 0) {
			return "not found in " + String.format("%,.0f", num(c.get("budget")));
		}
		return fmt(num(f.get("medianExecutions")), 0) + " exec, " + millis(num(f.get("medianMillis")))
				+ (notFound > 0 ? " (found in " + found + "/" + (found + notFound) + " runs)" : "");
	}

	@SuppressWarnings("unchecked")
	private static double firstMillis(Map<String, Object> c) {
		if (c == null || c.containsKey("error") || c.containsKey("unavailable")) {
			return Double.NaN;
		}
		Map<String, Object> f = (Map<String, Object>) c.get("firstFailure");
		return f.get("medianMillis") == null ? Double.NaN : num(f.get("medianMillis"));
	}

	@SuppressWarnings("unchecked")
	private static String linEnded(Map<String, Object> c) {
		if (c == null || c.containsKey("error")) {
			return "—";
		}
		Map<String, Object> verdicts = (Map<String, Object>) c.get("verdicts");
		if (verdicts != null && verdicts.containsKey("HOLDS")) {
			return fmt(num(c.get("executionsPerRun")), 0) + " invocations (passed)";
		}
		if (verdicts != null && (verdicts.containsKey("VIOLATION") || verdicts.containsKey("DEADLOCK"))) {
			return "failed: " + verdicts.keySet();
		}
		return "ran its budget (" + fmt(num(c.get("budget")), 0) + ")";
	}

	/** Whether a goal is met, or "not measured" when a figure it compares is missing. */
	private static String met(boolean met, double... figures) {
		for (double figure : figures) {
			if (Double.isNaN(figure)) {
				return "not measured";
			}
		}
		return met ? "**yes**" : "**no**";
	}

	private static double get(Map<String, Object> c, String key) {
		return c == null || c.get(key) == null ? Double.NaN : num(c.get(key));
	}

	private static double num(Object o) {
		return o instanceof Number n ? n.doubleValue() : Double.NaN;
	}

	private static String ratio(double a, double b) {
		if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
			return "—";
		}
		return fmt(a / b, 2) + "×";
	}

	private static String millis(double ms) {
		if (Double.isNaN(ms)) {
			return "—";
		}
		return ms >= 10_000 ? fmt(ms / 1000, 1) + " s" : fmt(ms, ms < 10 ? 1 : 0) + " ms";
	}

	private static String fmt(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "—";
		}
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	private static String abbreviate(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n) + "…";
	}

	private void line(String s) {
		out.append(s).append('\n');
	}
}
