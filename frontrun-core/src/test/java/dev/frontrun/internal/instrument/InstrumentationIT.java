package dev.frontrun.internal.instrument;

import static dev.frontrun.internal.instrument.RecordingHandler.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.instrument.RecordingHandler.Event;
import dev.frontrun.internal.instrument.RecordingHandler.Recorded;
import dev.frontrun.internal.runtime.Hooks;
import dev.frontrun.internal.runtime.PassThroughHandler;
import example.instrument.Fields;
import example.markers.Counter;
import example.realistic.BoundedQueue;
import example.realistic.OrderPipeline;
import example.realistic.OrderPipeline.Outcome;
import example.realistic.PriceCache;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The agent instruments the project's classes as they load, and they behave as compiled. */
class InstrumentationIT {

	@Test
	void theAgentInstrumentsProjectClassesAsTheyLoad() throws Exception {
		Fields fields = new Fields();
		Recorded<String> run = record(fields::plain);
		assertEquals("7 9223372036854775806 2.5 seven", run.result());
		assertEquals(SourceTags.of("example/instrument/Fields.java").resolve(
				"FIELD_WRITE Fields.plainInt @plain-int-write",
				"FIELD_WRITE Fields.plainLong @plain-long-write",
				"FIELD_WRITE Fields.plainDouble @plain-double-write",
				"FIELD_WRITE Fields.plainObject @plain-object-write",
				"FIELD_READ Fields.plainInt @plain-int-read",
				"FIELD_READ Fields.plainLong @plain-long-read",
				"FIELD_READ Fields.plainDouble @plain-double-read",
				"FIELD_READ Fields.plainObject @plain-object-read"), run.ofCaller());
		assertSame(PassThroughHandler.INSTANCE, Hooks.handler());
	}

	@Test
	void hooksAndMarkerGatesComposeInAClassThatHasBoth() throws Exception {
		Counter counter = new Counter();
		Recorded<Integer> run = record(() -> {
			counter.increment();
			return counter.value;
		});
		assertEquals(1, run.result());
		assertEquals(List.of("FIELD_READ Counter.value @" + lineOf("example/markers/Counter.java", "int temp = value;"),
				"FIELD_WRITE Counter.value @" + lineOf("example/markers/Counter.java", "value = temp + 1;")),
				run.ofCaller());
	}

	@Test
	void synchronizedMethodsLoseTheirFlagAndTheJdkAndTheTestsAreLeftAlone() throws Exception {
		assertFalse(Modifier.isSynchronized(BoundedQueue.class.getMethod("put", Object.class).getModifiers()));
		assertFalse(Modifier.isSynchronized(PriceCache.class.getMethod("misses").getModifiers()));
		Recorded<Object> run = record(() -> new HashMap<>(Map.of(1, 2)).put(3, 4));
		// only this thread's events: a thread another test left running may call hooks meanwhile
		assertEquals(List.of(), run.ofCaller());
	}

	@Test
	void aProducerConsumerPipelineWithACacheAndALockComputesWhatItComputesUninstrumented() throws Exception {
		Outcome expected = expectedOutcome(3, 200);
		for (int round = 0; round < 5; round++) {
			assertEquals(expected, OrderPipeline.run(3, 2, 200));
		}
	}

	@Test
	void everyMechanismOfThePipelineIsSeenAndMonitorsBalancePerThread() throws Exception {
		Recorded<Outcome> run = record(() -> OrderPipeline.run(2, 2, 50));
		assertEquals(expectedOutcome(2, 50), run.result());
		List<Event> pipeline = run.events().stream().filter(event -> event.thread() == run.caller()
				|| event.thread().getName().matches("(producer|consumer)-\\d")).toList();
		Set<String> seen = pipeline.stream().map(Event::text).map(InstrumentationIT::withoutLine)
				.collect(Collectors.toSet());
		for (String expected : List.of("MONITOR_ENTER BoundedQueue", "MONITOR_EXIT BoundedQueue",
				"MONITOR_ENTER PriceCache", "NOTIFY_ALL Object.notifyAll", "CALL_READ Map.get", "CALL_WRITE Map.put",
				"CALL_WRITE Deque.addLast", "CALL_WRITE ReentrantLock.lock", "CALL_WRITE ReentrantLock.unlock",
				"FIELD_WRITE LockedCounter.count", "FIELD_WRITE PriceCache.misses", "THREAD_START Thread.start",
				"THREAD_JOIN Thread.join")) {
			assertTrue(seen.contains(expected), expected + " in " + seen);
		}
		Map<Thread, List<String>> byThread = pipeline.stream().collect(
				Collectors.groupingBy(Event::thread, Collectors.mapping(Event::text, Collectors.toList())));
		assertEquals(5, byThread.size(), "the caller, two producers and two consumers");
		byThread.forEach((thread, events) -> assertEquals(count(events, "MONITOR_ENTER"), count(events, "MONITOR_EXIT"),
				thread.getName()));
	}

	private static Outcome expectedOutcome(int producers, int ordersEach) {
		long revenue = 0;
		for (int i = 0; i < ordersEach; i++) {
			revenue += OrderPipeline.quantityOf(i) * PriceCache.computePrice(OrderPipeline.skuOf(i));
		}
		return new Outcome(revenue * producers, (long) producers * ordersEach, OrderPipeline.PRODUCTS);
	}

	private static String withoutLine(String event) {
		return event.substring(0, event.lastIndexOf(" @"));
	}

	private static long count(List<String> events, String kind) {
		return events.stream().filter(event -> event.startsWith(kind + " ")).count();
	}

	private static int lineOf(String file, String text) throws IOException {
		List<String> lines = Files.readAllLines(Path.of("src/test/java", file));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError(text + " not in " + file);
	}
}
