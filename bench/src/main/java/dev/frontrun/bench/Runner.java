package dev.frontrun.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the whole benchmark: every workload under frontrun (each strategy this frontrun has), Fray (POS, PCT) and
 * Lincheck, each cell in a fresh JVM; the no-tool baselines; agent start-up; the plain test suite with and without
 * the agent; and a JFR profile of frontrun's DPOR on W1 and the counter. Writes {@code results.json} and
 * {@code results.md} into the output directory and the page {@code src/site/markdown/benchmarks.md}.
 *
 * <p>Started by {@code bench/run}, which builds everything and passes the paths as system properties:
 * {@code bench.home}, {@code bench.jdk25}, {@code bench.jdk17}, {@code bench.fray} (Fray's fray.properties, absent
 * to skip Fray), {@code bench.out}, {@code bench.site}. Arguments: {@code --quick} (smaller budgets, no JDK 17 rows:
 * a smoke run of about ten minutes), {@code --workloads w1,counter}, {@code --skip fray,lincheck,startup,suite,profile,jdk17}.
 */
public final class Runner {

	/** The randomized strategies of issue 4, measured when this frontrun has them. */
	static final List<String> RANDOM_STRATEGIES = List.of("random", "pct", "pos");
	/** DPOR's search orders other than DFS, measured for how soon they find a bug. */
	static final List<String> DPOR_ORDERS = List.of("conflict-first", "bit-reversal");

	final Path home;
	final Path jdk25;
	final Path jdk17;
	final Path fray;
	final Path out;
	final Path logs;
	final boolean quick;
	final List<String> skip;
	final List<String> only;
	final Map<String, Object> results = new LinkedHashMap<>();
	final List<Map<String, Object>> cells = new ArrayList<>();

	Runner(String[] args) {
		home = Path.of(System.getProperty("bench.home", "bench")).toAbsolutePath();
		jdk25 = Path.of(System.getProperty("bench.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
		jdk17 = Path.of(System.getProperty("bench.jdk17", "/usr/lib/jvm/java-17-openjdk-amd64"));
		String frayProps = System.getProperty("bench.fray", "");
		fray = frayProps.isEmpty() ? null : Path.of(frayProps);
		out = Path.of(System.getProperty("bench.out", home.resolve("results").toString()));
		logs = home.resolve("target/bench-logs");
		Map<String, String> options = new LinkedHashMap<>();
		boolean q = false;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--quick")) {
				q = true;
			} else if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			} else {
				throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		quick = q;
		skip = List.of(options.getOrDefault("skip", "").split(","));
		String workloads = options.getOrDefault("workloads", "");
		only = workloads.isEmpty() ? Workloads.all().stream().map(Workload::id).toList()
				: List.of(workloads.split(","));
	}

	/**
	 * @param args see the class comment
	 * @throws Exception if the harness itself fails
	 */
	public static void main(String[] args) throws Exception {
		new Runner(args).runAll();
	}

	void runAll() throws Exception {
		Files.createDirectories(out);
		Files.createDirectories(logs);
		long start = System.nanoTime();
		results.put("started", Instant.now().toString());
		results.put("quick", quick);
		results.put("machine", Machine.describe(jdk17, jdk25, fray));
		if (!skip.contains("baselines")) {
			results.put("baselines", List.of(child("baselines-25", javaCmd(jdk25, List.of(), List.of(classpath())),
					"dev.frontrun.bench.Baselines", List.of())));
		}
		runCells();
		results.put("cells", cells);
		if (!skip.contains("startup")) {
			results.put("startup", Startup.measure(this));
		}
		if (!skip.contains("suite")) {
			results.put("suite", Suite.measure(this));
		}
		if (!skip.contains("profile")) {
			results.put("profile", Profile.measure(this));
		}
		results.put("minutes", (System.nanoTime() - start) / 6e10);
		write();
	}

	void write() throws IOException {
		Files.writeString(out.resolve("results.json"), Json.pretty(results));
		String markdown = Report.markdown(results);
		Files.writeString(out.resolve("results.md"), markdown);
		String site = System.getProperty("bench.site", "");
		if (!site.isEmpty()) {
			Files.writeString(Path.of(site), Report.sitePage(markdown));
		}
		log("wrote " + out.resolve("results.md") + (site.isEmpty() ? "" : " and " + site));
	}

	// ------------------------------------------------------------------------------------------------ cells

	void runCells() throws IOException {
		for (Workload<?> workload : Workloads.all()) {
			if (!only.contains(workload.id())) {
				continue;
			}
			String w = workload.id();
			boolean buggy = workload.expect() != Workload.Expect.HOLDS;
			long dporBudget = quick && w.equals("w4") ? 2_000 : workload.budget();
			frontrun(w, "dpor", "explore", dporBudget, jdk25);
			if (buggy) {
				frontrun(w, "dpor", "first", 1_000_000, jdk25);
				for (String order : DPOR_ORDERS) {
					frontrun(w, "dpor/" + order, "first", 1_000_000, jdk25);
				}
			}
			for (String strategy : RANDOM_STRATEGIES) {
				frontrun(w, strategy, "explore", quick ? 200 : 1_000, jdk25);
				if (buggy) {
					frontrun(w, strategy, "first", 10_000, jdk25);
				}
			}
			if (!quick && !skip.contains("jdk17")) {
				frontrun(w, "dpor", "explore", dporBudget, jdk17);
			}
			if (!skip.contains("fray")) {
				for (String scheduler : List.of("pos", "pct")) {
					fray(w, scheduler);
				}
			}
			if (!skip.contains("lincheck")) {
				lincheck(w, false);
				if (w.equals("counter")) {
					lincheck(w, true);
				}
			}
			write();
		}
	}

	private Map<String, Object> base(String tool, String strategy, String workload, String mode, Path jdk) {
		Map<String, Object> cell = new LinkedHashMap<>();
		cell.put("tool", tool);
		cell.put("strategy", strategy);
		cell.put("workload", workload);
		cell.put("mode", mode);
		cell.put("jdk", jdk.getFileName().toString());
		return cell;
	}

	private void frontrun(String w, String strategy, String mode, long budget, Path jdk) throws IOException {
		List<String> args = List.of("--workload", w, "--strategy", strategy, "--mode", mode, "--budget",
				String.valueOf(budget), "--warmup", "2", "--samples", "5", "--min-sample-ms", quick ? "200" : "500");
		Map<String, Object> cell = child("frontrun-" + strategy + "-" + mode + "-" + w + "-" + jdk.getFileName(),
				javaCmd(jdk, List.of("-javaagent:" + agent()), List.of(home.resolve("target/classes").toString())),
				"dev.frontrun.bench.FrontrunDriver", args);
		cell.put("jdk", jdk.getFileName().toString());
		cells.add(cell);
	}

	private void fray(String w, String scheduler) throws IOException {
		if (fray == null || !Files.exists(fray)) {
			Map<String, Object> cell = base("fray", scheduler, w, "iterations", jdk25);
			cell.put("unavailable", "Fray's JDK was not prepared (bench/scripts/fray-jdk)");
			cells.add(cell);
			return;
		}
		java.util.Properties props = new java.util.Properties();
		try (var in = Files.newBufferedReader(fray)) {
			props.load(in);
		}
		List<String> command = new ArrayList<>();
		command.add(props.getProperty("jvm"));
		for (String arg : props.getProperty("argLine").trim().split("\\s+")) {
			command.add(arg);
		}
		command.add("-cp");
		command.add(peerClasspath("fray"));
		command.add("dev.frontrun.bench.fray.FrayDriver");
		command.addAll(List.of("--workload", w, "--scheduler", scheduler, "--iterations", quick ? "200" : "1000",
				"--warmup", "1", "--samples", "5"));
		Map<String, Object> cell = run("fray-" + scheduler + "-" + w, command);
		cell.put("jdk", "fray-instrumented " + jdk25.getFileName());
		cells.add(cell);
	}

	private void lincheck(String w, boolean runnables) throws IOException {
		int invocations = w.equals("w4") ? (quick ? 100 : 300) : (quick ? 200 : 1000);
		List<String> command = javaCmd(jdk25, List.of("-XX:+EnableDynamicAgentLoading"),
				List.of(peerClasspath("lincheck")));
		command.add("dev.frontrun.bench.lincheck.LincheckDriver");
		command.addAll(List.of("--workload", w, "--invocations", String.valueOf(invocations), "--warmup", "1",
				"--samples", "5", "--threads", runnables ? "runnable" : "subclass"));
		Map<String, Object> cell = run("lincheck-" + w + (runnables ? "-runnable" : ""), command);
		cell.put("jdk", jdk25.getFileName().toString());
		cells.add(cell);
	}

	String agent() {
		return home.resolve("target/lib/frontrun-agent.jar").toString();
	}

	String classpath() {
		return home.resolve("target/classes").toString();
	}

	String peerClasspath(String peer) throws IOException {
		Path dir = home.resolve("peers").resolve(peer).resolve("target");
		return dir.resolve("classes") + java.io.File.pathSeparator
				+ Files.readString(dir.resolve("classpath.txt")).trim();
	}

	static List<String> javaCmd(Path jdk, List<String> jvmArgs, List<String> classpath) {
		List<String> command = new ArrayList<>();
		command.add(jdk.resolve("bin/java").toString());
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(String.join(java.io.File.pathSeparator, classpath));
		return command;
	}

	Map<String, Object> child(String name, List<String> javaCommand, String mainClass, List<String> args)
			throws IOException {
		List<String> command = new ArrayList<>(javaCommand);
		command.add(mainClass);
		command.addAll(args);
		return run(name, command);
	}

	/**
	 * The most CPU, in cores, that other processes may use while a cell runs before the cell is run again: the
	 * machine has 2 vCPUs and other sessions build and test on it.
	 */
	static final double QUIET = 0.25;

	/**
	 * Runs a driver JVM and returns its RESULT record, or a record of why there is none. While the cell runs, the
	 * harness reads how busy the machine was (/proc/stat) and takes away the driver's own CPU time: what is left is
	 * other processes' load. A cell with more than {@link #QUIET} cores of it is run again, up to twice, and the
	 * quietest attempt is kept.
	 */
	Map<String, Object> run(String name, List<String> command) throws IOException {
		Map<String, Object> best = null;
		List<Double> loads = new ArrayList<>();
		for (int attempt = 1; attempt <= 3; attempt++) {
			Map<String, Object> record = runOnce(name, command);
			double other = record.get("otherCores") instanceof Number n ? n.doubleValue() : 0;
			loads.add(other);
			if (best == null || other < ((Number) best.getOrDefault("otherCores", 0.0)).doubleValue()) {
				best = record;
			}
			if (other <= QUIET || record.containsKey("error")) {
				break;
			}
			log(String.format("  other processes used %.2f cores: running %s again", other, name));
		}
		best.put("attempts", loads.size());
		best.put("otherCoresPerAttempt", loads);
		return best;
	}

	/** Busy and total jiffies of the whole machine, from /proc/stat. */
	private static long[] machineJiffies() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < f.length && i <= 8; i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total - idle, total };
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private Map<String, Object> runOnce(String name, List<String> command) throws IOException {
		Path log = logs.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
		log("run " + name);
		long[] before = machineJiffies();
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.start();
		boolean done;
		try {
			done = process.waitFor(quick ? 15 : 30, TimeUnit.MINUTES);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			done = false;
		}
		if (!done) {
			process.destroyForcibly();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] after = machineJiffies();
		Map<String, Object> record = null;
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			if (line.startsWith("RESULT ")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> parsed = (Map<String, Object>) Json.parse(line.substring(7));
				record = parsed;
			}
		}
		if (record == null) {
			record = new LinkedHashMap<>();
			record.put("error", done ? "exited " + process.exitValue() + " without a result: " + tail(log)
					: "timed out after " + (int) seconds + " s");
		}
		record.put("processSeconds", seconds);
		if (before != null && after != null && record.get("processCpuSeconds") instanceof Number cpu) {
			double busyCores = (after[0] - before[0]) / (double) (after[1] - before[1])
					* Runtime.getRuntime().availableProcessors();
			// the driver's CPU time over the whole cell; the harness itself is idle meanwhile
			double other = busyCores - cpu.doubleValue() / seconds;
			record.put("machineBusyCores", busyCores);
			record.put("otherCores", Math.max(0, other));
		}
		record.put("log", home.relativize(log).toString());
		log(String.format("  %.1f s %s (other processes: %s cores)", seconds, summary(record),
				record.get("otherCores") instanceof Number n ? String.format("%.2f", n.doubleValue()) : "?"));
		return record;
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
	}

	private static String summary(Map<String, Object> record) {
		if (record.containsKey("error")) {
			return "ERROR " + record.get("error");
		}
		if (record.containsKey("executionsPerSecond")) {
			return String.format("%.0f executions/s, %s", ((Number) record.get("executionsPerSecond")).doubleValue(),
					record.get("verdicts"));
		}
		return "";
	}

	static void log(String message) {
		System.out.println("[bench] " + message);
		System.out.flush();
	}
}
