package dev.frontrun.internal.instrument;

import static dev.frontrun.internal.instrument.RecordingHandler.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.instrument.RecordingHandler.Recorded;
import dev.frontrun.internal.runtime.HookHandler;
import dev.frontrun.internal.runtime.Hooks;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hooks on synchronized blocks and methods, and on the wait and notify calls they replace. */
class MonitorHooksTest {

	private final InstrumentingLoader examples = new InstrumentingLoader("example.instrument");

	private Recorded<Object> run(Object target, String method, Object... arguments) throws Exception {
		return record(() -> examples.call("Monitors", target, method, arguments));
	}

	private static List<String> monitors(String... events) throws Exception {
		return SourceTags.of("example/instrument/Monitors.java").resolve(events);
	}

	@Test
	void aSynchronizedBlockEntersBeforeItsBodyAndExitsAfter() throws Exception {
		Recorded<Object> run = run(examples.newInstance("Monitors"), "block");
		assertEquals(1, run.result());
		assertEquals(monitors(
				"MONITOR_ENTER Object @block-enter",
				"FIELD_READ Monitors.count @block-body",
				"FIELD_WRITE Monitors.count @block-body",
				"MONITOR_EXIT Object @block-exit",
				"FIELD_READ Monitors.count @after-block"), run.ofCaller());
	}

	@Test
	void aSynchronizedMethodTakesTheRealMonitorExplicitly() throws Exception {
		Recorded<Object> run = run(examples.newInstance("Monitors"), "method");
		assertEquals(true, run.result(), "the body holds the real monitor");
		assertEquals(monitors(
				"MONITOR_ENTER Monitors @method-body",
				"FIELD_READ Monitors.count @method-body",
				"FIELD_WRITE Monitors.count @method-body",
				"MONITOR_EXIT Monitors @method-return"), run.ofCaller());
		assertFalse(Modifier.isSynchronized(examples.methodOf("Monitors", "method").getModifiers()));
	}

	@Test
	void aStaticSynchronizedMethodLocksItsClass() throws Exception {
		Recorded<Object> run = run(null, "staticMethod");
		assertEquals(1, run.result());
		assertEquals(monitors(
				"MONITOR_ENTER Monitors.class @static-body",
				"STATIC_READ Monitors.total @static-body",
				"STATIC_WRITE Monitors.total @static-body",
				"MONITOR_EXIT Monitors.class @static-body"), run.ofCaller());
	}

	@Test
	void nestedMonitorsExitInReverseOrder() throws Exception {
		Object monitors = examples.newInstance("Monitors");
		Recorded<Object> run = run(monitors, "nested");
		assertEquals(true, run.result());
		assertEquals(monitors(
				"MONITOR_ENTER Object @outer-enter",
				"MONITOR_ENTER Monitors @inner-enter",
				"MONITOR_ENTER Monitors @method-body",
				"FIELD_READ Monitors.count @method-body",
				"FIELD_WRITE Monitors.count @method-body",
				"MONITOR_EXIT Monitors @method-return",
				"MONITOR_EXIT Monitors @nested-call",
				"MONITOR_EXIT Object @nested-call"), run.ofCaller());
		assertEquals(false, examples.call("Monitors", monitors, "holdsAnyMonitor"));
	}

	@Test
	void aBlockLeftByAnExceptionExitsAndReleasesTheMonitor() throws Exception {
		Object monitors = examples.newInstance("Monitors");
		Recorded<Object> run = record(() -> assertThrows(IllegalStateException.class,
				() -> examples.call("Monitors", monitors, "throwingBlock")));
		assertEquals(monitors(
				"MONITOR_ENTER Object @throwing-block-enter",
				"MONITOR_EXIT Object @throwing-block-exit"), run.ofCaller());
		assertEquals(false, examples.call("Monitors", monitors, "holdsAnyMonitor"));
	}

	@Test
	void aSynchronizedMethodLeftByAnExceptionExitsRethrowsAndReleasesTheMonitor() throws Exception {
		Object monitors = examples.newInstance("Monitors");
		Recorded<IllegalStateException> run = record(() -> assertThrows(IllegalStateException.class,
				() -> examples.call("Monitors", monitors, "throwingMethod")));
		assertEquals("from a method", run.result().getMessage());
		assertEquals("throwingMethod", run.result().getStackTrace()[0].getMethodName(), "the original stack trace");
		assertEquals(monitors(
				"MONITOR_ENTER Monitors @throwing-method-throw",
				"MONITOR_EXIT Monitors @throwing-method-throw"), run.ofCaller());
		assertEquals(false, examples.call("Monitors", monitors, "holdsAnyMonitor"));
	}

	@Test
	void everyReturnOfASynchronizedMethodExitsOnceAndLoopsDoNotReenter() throws Exception {
		Object monitors = examples.newInstance("Monitors");
		Recorded<Object> early = run(monitors, "loop", 5);
		assertEquals(3, early.result());
		assertEquals(monitors("MONITOR_ENTER Monitors @loop-head", "MONITOR_EXIT Monitors @early-return"),
				early.ofCaller());
		Recorded<Object> late = run(monitors, "loop", 2);
		assertEquals(-1, late.result());
		assertEquals(monitors("MONITOR_ENTER Monitors @loop-head", "MONITOR_EXIT Monitors @late-return"),
				late.ofCaller());
	}

	@Test
	void anExitHookThatThrowsPropagatesOnceTheMonitorIsReleased() throws Exception {
		Object monitors = examples.newInstance("Monitors");
		HookHandler throwingExit = (HookHandler) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { HookHandler.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("monitorExit")) {
						throw new AbortedForTest();
					}
					return null;
				});
		HookHandler previous = Hooks.install(throwingExit);
		try {
			for (String method : List.of("block", "method", "throwingBlock", "throwingMethod", "nested")) {
				assertTimeoutPreemptively(Duration.ofSeconds(5),
						() -> assertThrows(AbortedForTest.class, () -> examples.call("Monitors", monitors, method)),
						method);
			}
			assertTimeoutPreemptively(Duration.ofSeconds(5),
					() -> assertThrows(AbortedForTest.class, () -> examples.call("Monitors", null, "staticMethod")));
		} finally {
			Hooks.install(previous);
		}
		assertEquals(false, examples.call("Monitors", monitors, "holdsAnyMonitor"));
	}

	/** What the test's exit hook throws. */
	private static final class AbortedForTest extends RuntimeException {

		private static final long serialVersionUID = 1L;
	}

	@Test
	void waitsAndNotificationsAreReplacedByHooksThatPerformThem() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Mailbox", null, "everyMonitorCall"));
		assertEquals(SourceTags.of("example/instrument/Mailbox.java").resolve(
				"MONITOR_ENTER Object @calls-enter",
				"NOTIFY Object.notify @notify",
				"NOTIFY_ALL Object.notifyAll @notify-all",
				"WAIT Object.wait @wait-millis",
				"WAIT Object.wait @wait-nanos",
				"MONITOR_EXIT Object @calls-exit"), run.ofCaller());
	}

	@Test
	void aProducerAndAConsumerStillHandOverEveryMessageWithThePassThroughHandler() throws Exception {
		for (int round = 0; round < 5; round++) {
			assertEquals(500L * 501 / 2, examples.call("Mailbox", null, "roundTrip", 500));
		}
	}

	@Test
	void aProducerAndAConsumerBalanceTheirMonitorsWhileRecorded() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Mailbox", null, "roundTrip", 200));
		assertEquals(200L * 201 / 2, run.result());
		for (List<String> thread : List.of(run.ofCaller(), run.ofOthers())) {
			Map<String, Long> kinds = thread.stream()
					.collect(Collectors.groupingBy(event -> event.substring(0, event.indexOf(' ')), Collectors.counting()));
			assertEquals(kinds.get("MONITOR_ENTER"), kinds.get("MONITOR_EXIT"), thread.toString());
			assertEquals(200L, kinds.get("NOTIFY_ALL"), thread.toString());
		}
		assertTrue(run.ofCaller().stream().anyMatch(e -> e.startsWith("THREAD_START Thread.start")));
		assertTrue(run.ofCaller().stream().anyMatch(e -> e.startsWith("THREAD_JOIN Thread.join")));
	}
}
