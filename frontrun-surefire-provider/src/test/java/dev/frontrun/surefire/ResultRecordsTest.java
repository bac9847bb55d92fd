package dev.frontrun.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultRecordsTest {

	private static final String ID = "[engine:junit-jupiter]/[class:com.acme.BankAccountTest]/[method:lostUpdate()]";

	static FrontrunTestResult result(String displayName, String approach, Verdict verdict, Integer executions,
			String explanation) {
		return new FrontrunTestResult(ID, "com.acme.BankAccountTest", "lostUpdate", displayName, approach, verdict,
				"SUCCESSFUL", executions, 12, explanation, Map.of());
	}

	@Test
	void summaryLineOfAPassingTest() {
		assertEquals("[frontrun] BankAccountTest.lostUpdate: trace-markers HOLDS, 1 execution, 12 ms",
				ResultRecords.summaryLine(result("lostUpdate()", "trace-markers", Verdict.HOLDS, 1, null)));
	}

	@Test
	void summaryLinePluralisesExecutionsAndOmitsWhatIsUnknown() {
		assertEquals("[frontrun] BankAccountTest.lostUpdate: dpor HOLDS, 0 executions, 12 ms",
				ResultRecords.summaryLine(result("lostUpdate()", "dpor", Verdict.HOLDS, 0, null)));
		assertEquals("[frontrun] BankAccountTest.lostUpdate: HOLDS, 12 ms",
				ResultRecords.summaryLine(result("lostUpdate()", null, Verdict.HOLDS, null, null)));
	}

	@Test
	void summaryLineOfAViolationEndsWithTheFirstLineOfTheExplanation() {
		assertEquals("[frontrun] BankAccountTest.lostUpdate: dpor VIOLATED, 7 executions, 12 ms: lost update",
				ResultRecords.summaryLine(result("lostUpdate()", "dpor", Verdict.VIOLATED, 7, "lost update\n at x")));
		String longExplanation = "x".repeat(500);
		String line = ResultRecords.summaryLine(result("lostUpdate()", "dpor", Verdict.INCONCLUSIVE, 7, longExplanation));
		assertTrue(line.endsWith("x..."), line);
		assertTrue(line.length() < 250, line);
	}

	@Test
	void aPublishedReplayCommandGivesAReplayLine() {
		FrontrunTestResult result = new FrontrunTestResult(ID, "com.acme.BankAccountTest", "lostUpdate",
				"lostUpdate()", "random", Verdict.VIOLATED, "FAILED", 5, 15, "race",
				Map.of("frontrun.replayFile", "/p/target/frontrun/replay/x.json", "frontrun.replayCommand",
						"mvn frontrun:test -Dtest=BankAccountTest#lostUpdate -Dfrontrun.replay=/p/x.json"));
		assertEquals("[frontrun]   replay: mvn frontrun:test -Dtest=BankAccountTest#lostUpdate "
				+ "-Dfrontrun.replay=/p/x.json", ResultRecords.replayLine(result));
		assertEquals(null, ResultRecords.replayLine(result("lostUpdate()", "dpor", Verdict.HOLDS, 1, null)));
	}

	@Test
	void summaryLineNamesTemplateInvocationsByDisplayName() {
		assertEquals("[frontrun] BankAccountTest.lostUpdate [[1] seed=7]: dpor HOLDS, 3 executions, 12 ms",
				ResultRecords.summaryLine(result("[1] seed=7", "dpor", Verdict.HOLDS, 3, null)));
	}

	@Test
	void fileNameIsSanitizedClassDotMethodDashHash() {
		FrontrunTestResult result = result("lostUpdate()", "dpor", Verdict.HOLDS, 1, null);
		String name = ResultRecords.fileName(result);
		assertTrue(name.matches("com\\.acme\\.BankAccountTest\\.lostUpdate-[0-9a-f]{8}\\.json"), name);
		assertEquals(ResultRecords.shortHash(ID), name.substring(name.indexOf('-') + 1, name.length() - 5));
	}

	@Test
	void fileNameDiffersPerUniqueId() {
		FrontrunTestResult first = result("[1]", null, Verdict.HOLDS, 1, null);
		FrontrunTestResult second = new FrontrunTestResult(ID + "/[invocation:#2]", "com.acme.BankAccountTest",
				"lostUpdate", "[2]", null, Verdict.HOLDS, "SUCCESSFUL", 1, 1, null, Map.of());
		assertNotEquals(ResultRecords.fileName(first), ResultRecords.fileName(second));
	}

	@Test
	void sanitizeReplacesUnsafeCharactersAndBoundsTheLength() {
		assertEquals("Outer_Inner.m_x_y__", ResultRecords.sanitize("Outer$Inner.m(x y)/"));
		assertEquals(100, ResultRecords.sanitize("a".repeat(300)).length());
		assertEquals("_", ResultRecords.sanitize(""));
	}

	@Test
	void fileNameWithoutClassOrMethodUsesPlaceholders() {
		FrontrunTestResult result = new FrontrunTestResult("[engine:x]/[test:1]", null, null, "a test", null,
				Verdict.HOLDS, "SUCCESSFUL", null, 0, null, Map.of());
		assertTrue(ResultRecords.fileName(result).startsWith("unknown.a_test-"));
		assertEquals("[frontrun] a test: HOLDS, 0 ms", ResultRecords.summaryLine(result));
	}

	@Test
	void jsonRecordHasEveryField() {
		FrontrunTestResult result = new FrontrunTestResult(ID, "com.acme.BankAccountTest", "lostUpdate",
				"lostUpdate()", "trace-markers", Verdict.VIOLATED, "FAILED", 2, 15, "balance was \"50\"",
				Map.of("frontrun.executions", "2", "frontrun.approach", "trace-markers"));
		assertEquals("{\n"
				+ "  \"formatVersion\": 1,\n"
				+ "  \"uniqueId\": \"[engine:junit-jupiter]/[class:com.acme.BankAccountTest]/[method:lostUpdate()]\",\n"
				+ "  \"className\": \"com.acme.BankAccountTest\",\n"
				+ "  \"methodName\": \"lostUpdate\",\n"
				+ "  \"displayName\": \"lostUpdate()\",\n"
				+ "  \"approach\": \"trace-markers\",\n"
				+ "  \"verdict\": \"VIOLATED\",\n"
				+ "  \"outcome\": \"FAILED\",\n"
				+ "  \"executions\": 2,\n"
				+ "  \"durationMillis\": 15,\n"
				+ "  \"explanation\": \"balance was \\\"50\\\"\",\n"
				+ "  \"reportEntries\": {\n"
				+ "    \"frontrun.approach\": \"trace-markers\",\n"
				+ "    \"frontrun.executions\": \"2\"\n"
				+ "  }\n"
				+ "}\n", ResultRecords.toJson(result));
	}

	@Test
	void writeCreatesTheDirectoryAndReplacesAnEarlierRecord(@TempDir Path temp) throws IOException {
		Path directory = temp.resolve("target/frontrun");
		Path file = ResultRecords.write(directory, result("lostUpdate()", "dpor", Verdict.HOLDS, 1, null));
		ResultRecords.write(directory, result("lostUpdate()", "dpor", Verdict.VIOLATED, 2, "boom"));
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> all = files.collect(Collectors.toList());
			assertEquals(List.of(file), all, "no temporary files are left behind");
		}
		String json = Files.readString(file, StandardCharsets.UTF_8);
		assertTrue(json.contains("\"verdict\": \"VIOLATED\""), json);
	}
}
