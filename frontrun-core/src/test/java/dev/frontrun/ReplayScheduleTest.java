package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay files: their JSON form, reading them back, and refusing what is not one. */
class ReplayScheduleTest {

	private static final ReplaySchedule SCHEDULE = new ReplaySchedule("example.CounterTest#increments", 2,
			"RANDOM(seed 42)", 7, 1, List.of(
					new ReplaySchedule.Step(0, "read", "field Counter.value", 1, "Counter.java:9"),
					new ReplaySchedule.Step(1, "read", "field Counter.value", 1, "Counter.java:9"),
					new ReplaySchedule.Step(1, "write", "field \"odd\" \\ name", 1, null),
					new ReplaySchedule.Step(0, "write", "field Counter.value", 1, "Counter.java:10")));

	@Test
	void aScheduleSurvivesItsJsonForm() {
		assertEquals(SCHEDULE, ReplaySchedule.fromJson(SCHEDULE.toJson()));
	}

	@Test
	void theJsonFormHasOneStepPerLine() {
		String json = SCHEDULE.toJson();
		assertTrue(json.contains("\n    {\"thread\": 0, \"kind\": \"read\", \"resource\": \"field Counter.value\", "
				+ "\"id\": 1, \"at\": \"Counter.java:9\"},\n"), json);
		assertTrue(json.startsWith("{\n  \"format\": \"frontrun-replay\",\n  \"formatVersion\": 1,\n"), json);
		assertEquals("0 1 1 0 (1 preemption)", SCHEDULE.toString());
	}

	@Test
	void aFileIsWrittenAndReadBack(@TempDir Path directory) {
		Path file = directory.resolve("replay").resolve("x.json");
		SCHEDULE.write(file);
		assertEquals(SCHEDULE, ReplaySchedule.read(file));
	}

	@Test
	void whatIsNotAReplayFileIsRefusedWithTheReason(@TempDir Path directory) throws Exception {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplaySchedule.fromJson("{\"format\": \"x\"}"))
				.getMessage().contains("Not a frontrun replay file"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplaySchedule.fromJson("{\"format\": "))
				.getMessage().contains("line 1"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplaySchedule.fromJson(
				SCHEDULE.toJson().replace("\"formatVersion\": 1", "\"formatVersion\": 9"))).getMessage()
				.contains("format version 9"));
		Path broken = Files.writeString(directory.resolve("broken.json"), "[]");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplaySchedule.read(broken)).getMessage()
				.startsWith(broken.toString()));
	}
}
