package dev.frontrun.internal.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.ReplaySchedule;
import dev.frontrun.internal.engine.Operation;
import dev.frontrun.internal.engine.Resource;
import dev.frontrun.internal.engine.Step;
import dev.frontrun.internal.report.TestIdentity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where replay files go, the command that replays them, and their steps as the engine's. */
class ReplayFilesTest {

	private static final TestIdentity TEST = new TestIdentity("com.acme.CounterTest", "increments");

	@Test
	void aTestsFirstExplorationHasTheTestsNameAndLaterOnesANumber() {
		Path data = Path.of("/p/target/frontrun");
		assertEquals(Path.of("/p/target/frontrun/replay/com.acme.CounterTest.increments.json"),
				ReplayFiles.file(data, TEST, 1));
		assertEquals(Path.of("/p/target/frontrun/replay/com.acme.CounterTest.increments-2.json"),
				ReplayFiles.file(data, TEST, 2));
		assertEquals(Path.of("/p/target/frontrun/replay/com.acme.Outer_Inner.run_.json"),
				ReplayFiles.file(data, new TestIdentity("com.acme.Outer$Inner", "run$"), 1));
		assertEquals(Path.of("/p/target/frontrun/replay/unknown-test.json"), ReplayFiles.file(data, null, 1));
	}

	@Test
	void theCommandSelectsTheTestBySimpleNameAndQuotesWhatTheShellWouldSplit() {
		assertEquals("mvn frontrun:test -Dtest=CounterTest#increments -Dfrontrun.replay=/p/x.json",
				ReplayFiles.command(TEST, Path.of("/p/x.json")));
		assertEquals("mvn frontrun:test -Dtest=CounterTest#increments -Dfrontrun.replay='/my dir/x.json'",
				ReplayFiles.command(TEST, Path.of("/my dir/x.json")));
		assertEquals("mvn frontrun:test -Dfrontrun.replay=/p/x.json", ReplayFiles.command(null, Path.of("/p/x.json")));
	}

	@Test
	void stepsSurviveTheFileForm() {
		List<Step> steps = List.of(new Step(0, 0, Operation.read(new Resource("field Counter.value", 1))),
				new Step(1, 1, Operation.acquire(new Resource("monitor", 3))),
				new Step(2, 1, Operation.join(0)));
		List<ReplaySchedule.Step> file = ReplayFiles.toFile(steps, List.of());
		assertEquals(new ReplaySchedule.Step(1, "acquire", "monitor", 3, null), file.get(1));
		assertEquals(steps, ReplayFiles.fromFile(new ReplaySchedule(null, 1, "DPOR", 1, 0, file)));
	}
}
