package dev.frontrun.internal.instrument;

import static dev.frontrun.internal.instrument.RecordingHandler.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frontrun.internal.instrument.RecordingHandler.Recorded;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Hooks on calls: thread operations replaced, and calls into uninstrumented classes reported. */
class CallHooksTest {

	private final InstrumentingLoader examples = new InstrumentingLoader("example.instrument");

	@Test
	void threadStartJoinSleepAndYieldAreReplacedByHooksThatPerformThem() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Threads", null, "everyOperation"));
		assertEquals(true, run.result());
		SourceTags threads = SourceTags.of("example/instrument/Threads.java");
		assertEquals(threads.resolve(
				"THREAD_START Thread.start @start",
				"THREAD_JOIN Thread.join @join",
				"THREAD_JOIN Thread.join @join-millis",
				"THREAD_JOIN Thread.join @join-nanos",
				"SLEEP Thread.sleep @sleep",
				"SLEEP Thread.sleep @sleep-nanos",
				"YIELD Thread.yield @yield",
				"ARRAY_READ boolean[0] @read-ran"), run.ofCaller());
		assertEquals(threads.resolve("ARRAY_WRITE boolean[0] @mark"), run.ofOthers());
	}

	@Test
	void aThreadSubclassThatOverridesStartIsStartedThroughItsOverrideOnce() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Threads", null, "subclass"));
		assertEquals("1 true", run.result());
		SourceTags threads = SourceTags.of("example/instrument/Threads.java");
		assertEquals(threads.resolve(
				"THREAD_START Threads$Worker.start @subclass-start",
				"FIELD_READ Threads$Worker.starts @worker-start-count",
				"FIELD_WRITE Threads$Worker.starts @worker-start-count",
				"THREAD_JOIN Threads$Worker.join @subclass-join",
				"FIELD_READ Threads$Worker.starts @subclass-read",
				"FIELD_READ Threads$Worker.ran volatile @subclass-read"), run.ofCaller());
		assertEquals(threads.resolve("FIELD_WRITE Threads$Worker.ran volatile @worker-run"), run.ofOthers());
	}

	@Test
	void hashMapReadsAndWritesAreCallsThatReadOrWriteTheMap() throws Exception {
		Object collections = examples.newInstance("Collections");
		Recorded<Object> first = record(() -> examples.call("Collections", collections, "lengthOf", "abc"));
		Recorded<Object> second = record(() -> examples.call("Collections", collections, "lengthOf", "abc"));
		assertEquals(4, first.result());
		assertEquals(4, second.result());
		SourceTags tags = SourceTags.of("example/instrument/Collections.java");
		assertEquals(tags.resolve(
				"CALL_READ HashMap.get @get",
				"CALL_WRITE HashMap.put @put",
				"CALL_READ Map.size @size"), first.ofCaller());
		assertEquals(tags.resolve("CALL_READ HashMap.get @get", "CALL_READ Map.size @size"), second.ofCaller());
	}

	@Test
	void atomicsAreCallsAndCompareAndSetReportsItsOutcome() throws Exception {
		Object collections = examples.newInstance("Collections");
		Recorded<Object> run = record(() -> examples.call("Collections", collections, "atomics"));
		assertEquals("1 true false true 5 9223372036854775807", run.result());
		assertEquals(SourceTags.of("example/instrument/Collections.java").resolve(
				"CALL_WRITE AtomicInteger.incrementAndGet @increment",
				"CAS AtomicInteger.compareAndSet @cas-success",
				"CAS_OUTCOME true @cas-success",
				"CAS AtomicInteger.compareAndSet @cas-failure",
				"CAS_OUTCOME false @cas-failure",
				"CAS AtomicLong.compareAndSet @cas-wide",
				"CAS_OUTCOME true @cas-wide",
				"CALL_READ AtomicInteger.get @gets",
				"CALL_READ AtomicLong.get @gets"), run.ofCaller());
	}

	@Test
	void atomicArrayCallsNameTheElementTheyUse() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Collections", null, "atomicArray"));
		assertEquals("true 0 4", run.result());
		assertEquals(SourceTags.of("example/instrument/Collections.java").resolve(
				"CAS AtomicIntegerArray.compareAndSet[2] @slot-cas",
				"CAS_OUTCOME true @slot-cas",
				"CALL_READ AtomicIntegerArray.length @slots-length",
				"CALL_WRITE AtomicIntegerArray.getAndIncrement[3] @slot-increment"), run.ofCaller());
	}

	@Test
	void methodsInheritedFromAnUninstrumentedSuperclassAreCallsTheClassesOwnAreNot() throws Exception {
		Recorded<Object> run = record(() -> examples.call("Collections", null, "registry"));
		assertEquals(1, run.result());
		assertEquals(SourceTags.of("example/instrument/Collections.java").resolve(
				"CALL_WRITE Collections$Registry.put @registry-put",
				"FIELD_READ Collections$Registry.hits @hits",
				"FIELD_WRITE Collections$Registry.hits @hits",
				"CALL_READ Collections$Registry.get @registry-get"), run.ofCaller());
	}

	@Test
	void callsOnImmutableValuesAndOnCodeAreNotReported() throws Exception {
		Supplier<String> supplier = () -> "four";
		Recorded<Object> run = record(() -> examples.call("Collections", null, "stateless", supplier));
		assertEquals(4_000_000L + Integer.valueOf(3).hashCode() + "java.lang.String".length(), run.result());
		assertEquals(List.of(), run.ofCaller());
	}

	@Test
	void methodReferencesToUninstrumentedMethodsAreReportedThroughBridges() throws Exception {
		Object concurrency = examples.newInstance("Concurrency");
		Recorded<Object> run = record(() -> examples.call("Concurrency", concurrency, "references"));
		assertEquals(10, run.result());
		assertEquals(SourceTags.of("example/instrument/Concurrency.java").resolve(
				"CALL_READ List.size @size-reference",
				"CALL_WRITE List.clear @clear-reference",
				"CALL_READ List.size @size-reference"), run.ofCaller());
	}

	@Test
	void conditionsAreReplacedAndParkingAndInterruptsAreReportedOnTheThread() throws Exception {
		Object concurrency = examples.newInstance("Concurrency");
		Recorded<Object> run = record(() -> examples.call("Concurrency", concurrency, "conditions"));
		assertEquals(0L, run.result());
		assertEquals(SourceTags.of("example/instrument/Concurrency.java").resolve(
				"CALL_WRITE ReentrantLock.lock @lock",
				"CONDITION_SIGNAL Condition.signal @signal",
				"CONDITION_AWAIT Condition.awaitNanos @await-nanos",
				"CALL_WRITE LockSupport.unpark @unpark",
				"CALL_WRITE LockSupport.parkNanos @park",
				"CALL_WRITE Thread.interrupted @interrupted",
				"CALL_WRITE ReentrantLock.unlock @unlock"), run.ofCaller());
	}

	@Test
	void theGettersOfAReadWriteLockAreNotReported() throws Exception {
		Object concurrency = examples.newInstance("Concurrency");
		Recorded<Object> run = record(() -> examples.call("Concurrency", concurrency, "readWrite"));
		assertEquals(false, run.result());
		assertEquals(SourceTags.of("example/instrument/Concurrency.java").resolve(
				"CALL_WRITE ReentrantReadWriteLock$ReadLock.lock @read-lock",
				"CALL_WRITE ReentrantReadWriteLock$ReadLock.unlock @read-unlock",
				"CALL_WRITE ReentrantReadWriteLock.isWriteLocked @write-locked"), run.ofCaller());
	}

	@Test
	void aVarHandleCallPassesTheObjectItUses() throws Exception {
		Object concurrency = examples.newInstance("Concurrency");
		Recorded<Object> run = record(() -> examples.call("Concurrency", concurrency, "handle"));
		assertEquals(true, run.result());
		assertEquals(SourceTags.of("example/instrument/Concurrency.java").resolve(
				"CAS VarHandle.compareAndSet of Concurrency @handle-cas",
				"CAS_OUTCOME true @handle-cas"), run.ofCaller());
	}
}
