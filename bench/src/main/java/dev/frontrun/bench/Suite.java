package dev.frontrun.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The overhead of the agent on ordinary tests: the plain suite of bench/suite (a few hundred JUnit tests that use no
 * frontrun API) run with {@code mvn test} and with {@code mvn frontrun:test}, alternately, 5 times each after one
 * warm-up of each, offline, against frontrun as built into bench/target/local-repo. Reports the median wall time of
 * each command and the median time the tests took inside the test JVM (the sum of the Surefire reports' times).
 */
final class Suite {

	private static final Pattern SUITE_TESTS = Pattern.compile("<testsuite [^>]*?tests=\"(\\d+)\"");
	private static final Pattern TIME = Pattern.compile("<testsuite [^>]*?time=\"([0-9.,]+)\"");

	private Suite() {
	}

	static List<Map<String, Object>> measure(Runner runner) throws IOException, InterruptedException {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Path> jdks = runner.quick ? List.of(runner.jdk17) : List.of(runner.jdk17, runner.jdk25);
		for (Path jdk : jdks) {
			rows.add(measure(runner, jdk));
		}
		return rows;
	}

	private static Map<String, Object> measure(Runner runner, Path jdk) throws IOException, InterruptedException {
		Path suite = runner.home.resolve("suite");
		Path repo = runner.home.resolve("target/local-repo");
		Path settings = runner.home.resolve("target/suite-settings.xml");
		String outer = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
		Files.writeString(settings, """
				<settings>
				  <profiles>
				    <profile>
				      <id>outer</id>
				      <activation><activeByDefault>true</activeByDefault></activation>
				      <repositories><repository><id>outer</id><url>%1$s</url>
				        <releases><checksumPolicy>ignore</checksumPolicy></releases>
				        <snapshots><enabled>false</enabled></snapshots></repository></repositories>
				      <pluginRepositories><pluginRepository><id>outer</id><url>%1$s</url>
				        <releases><checksumPolicy>ignore</checksumPolicy></releases>
				        <snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
				    </profile>
				  </profiles>
				</settings>
				""".formatted(outer));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("jdk", jdk.getFileName().toString());
		Runner.log("plain suite on " + jdk.getFileName());
		List<String> base = List.of("mvn", "-B", "-ntp", "-Dmaven.repo.local=" + repo, "-s", settings.toString());
		// warm-up, online: resolves what the suite needs into the local repository
		for (String goal : List.of("test", "frontrun:test")) {
			Run warm = mvn(runner, suite, jdk, base, List.of(goal), "warmup-" + goal);
			if (warm.exit != 0) {
				row.put("error", "mvn " + goal + " failed (exit " + warm.exit + "); see " + warm.log);
				return row;
			}
		}
		List<Double> plainWall = new ArrayList<>();
		List<Double> agentWall = new ArrayList<>();
		List<Double> plainTests = new ArrayList<>();
		List<Double> agentTests = new ArrayList<>();
		int tests = 0;
		for (int i = 0; i < 5; i++) {
			Run plain = mvn(runner, suite, jdk, base, List.of("-o", "test"), "test-" + i);
			plainWall.add(plain.seconds);
			plainTests.add(reportSeconds(suite.resolve("target/surefire-reports")));
			tests = reportTests(suite.resolve("target/surefire-reports"));
			Run agent = mvn(runner, suite, jdk, base, List.of("-o", "frontrun:test"), "frontrun-test-" + i);
			agentWall.add(agent.seconds);
			agentTests.add(reportSeconds(suite.resolve("target/frontrun-reports")));
			if (plain.exit != 0 || agent.exit != 0) {
				row.put("error", "a run failed: see " + plain.log + " and " + agent.log);
				return row;
			}
		}
		row.put("tests", tests);
		row.put("agentTests", reportTests(suite.resolve("target/frontrun-reports")));
		row.put("mvnTestWallSeconds", Measure.medianDouble(plainWall));
		row.put("frontrunTestWallSeconds", Measure.medianDouble(agentWall));
		row.put("wallRatio", Measure.medianDouble(agentWall) / Measure.medianDouble(plainWall));
		row.put("mvnTestInForkSeconds", Measure.medianDouble(plainTests));
		row.put("frontrunTestInForkSeconds", Measure.medianDouble(agentTests));
		row.put("inForkRatio", Measure.medianDouble(agentTests) / Measure.medianDouble(plainTests));
		row.put("wallSeconds", Map.of("test", plainWall, "frontrun:test", agentWall));
		return row;
	}

	private record Run(int exit, double seconds, String log) {
	}

	private static Run mvn(Runner runner, Path dir, Path jdk, List<String> base, List<String> goals, String name)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(base);
		command.addAll(goals);
		Path log = runner.logs.resolve("suite-" + jdk.getFileName() + "-" + name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", jdk.toString());
		long start = System.nanoTime();
		int exit = builder.start().waitFor();
		double seconds = (System.nanoTime() - start) / 1e9;
		Runner.log(String.format("  mvn %s: %.2f s (exit %d)", String.join(" ", goals), seconds, exit));
		return new Run(exit, seconds, runner.home.relativize(log).toString());
	}

	private static double reportSeconds(Path reports) throws IOException {
		double total = 0;
		for (String xml : reports(reports)) {
			Matcher m = TIME.matcher(xml);
			if (m.find()) {
				total += Double.parseDouble(m.group(1).replace(",", ""));
			}
		}
		return total;
	}

	private static int reportTests(Path reports) throws IOException {
		int total = 0;
		for (String xml : reports(reports)) {
			Matcher m = SUITE_TESTS.matcher(xml);
			if (m.find()) {
				total += Integer.parseInt(m.group(1));
			}
		}
		return total;
	}

	private static List<String> reports(Path dir) throws IOException {
		List<String> xmls = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			return xmls;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "TEST-*.xml")) {
			for (Path file : files) {
				xmls.add(Files.readString(file));
			}
		}
		return xmls;
	}

}
