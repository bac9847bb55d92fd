package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.juc.Handles;
import example.juc.Juc;
import example.juc.Juc.Guarded;
import example.juc.Juc.Interrupted;
import example.juc.Juc.Meeting;
import example.juc.Juc.Parking;
import example.juc.Juc.Permits;
import example.juc.Juc.Pipe;
import example.juc.Juc.Pool;
import example.juc.Juc.Published;
import example.juc.Juc.Slot;
import example.juc.More;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * java.util.concurrent under DPOR on real threads: for each primitive a racy program that is VIOLATED and a safe one
 * that HOLDS with every interleaving covered, with exact counts where they follow from the modelled semantics.
 */
class DporJucIT {

	private static void assertHolds(ExplorationResult result) {
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertTrue(result.exhausted(), result.explanation());
	}

	private static void assertViolated(ExplorationResult result, String... parts) {
		assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
		for (String part : parts) {
			assertTrue(result.explanation().contains(part), () -> "expected «" + part + "» in:\n" + result.explanation());
		}
	}

	private static void assertExactly(long executions, ExplorationResult result) {
		assertHolds(result);
		assertEquals(executions, result.executions(), result.explanation());
	}

	private static <S> Exploration<S> times(Exploration<S> exploration, int n, Consumer<S> body) {
		for (int i = 0; i < n; i++) {
			exploration.thread(body);
		}
		return exploration.stopOnFirst(false);
	}

	// ------------------------------------------------------------------------ ReentrantReadWriteLock

	@ParameterizedTest(name = "{0} writers: {1}")
	@CsvSource({ "2, 2", "3, 6", "4, 24" })
	void writeLockOrdersItsHoldersLikeAMutex(int writers, long executions) {
		assertExactly(executions, times(Frontrun.explore(Guarded::new), writers, Guarded::lockAndUnlockWrite).run());
		assertExactly(executions, times(Frontrun.explore(Guarded::new), writers, Guarded::write)
				.invariant(g -> g.x == writers).run());
	}

	@ParameterizedTest(name = "{0} readers: 1")
	@CsvSource({ "2", "3", "5" })
	void readersUnderTheReadLockDoNotConflict(int readers) {
		assertExactly(1, times(Frontrun.explore(Guarded::new), readers, Guarded::readOnly).run());
	}

	@Test
	void aWriterIsOrderedWithEachReader() {
		ExplorationResult result = Frontrun.explore(Guarded::new).thread(Guarded::readOnly).thread(Guarded::readOnly)
				.thread(Guarded::write).stopOnFirst(false).invariant(g -> g.x == 1).run();
		assertExactly(4, result);
	}

	@Test
	void anUpdateUnderTheReadLockIsLost() {
		assertViolated(Frontrun.explore(Guarded::new).thread(Guarded::updateUnderReadLock)
				.thread(Guarded::updateUnderReadLock).invariant(g -> g.x == 2).run(), "Guarded.x");
	}

	@Test
	void upgradingAReadLockDeadlocks() {
		assertViolated(Frontrun.explore(Guarded::new).thread(Guarded::upgrade).run(), "Deadlock detected",
				"thread 0 holds rw and waits for rw, held by thread 0");
	}

	@Test
	void aDowngradeSeesItsOwnWrite() {
		ExplorationResult result = Frontrun.explore(Guarded::new).thread(Guarded::downgrade).thread(Guarded::write)
				.stopOnFirst(false).invariant(g -> g.seen >= 1).run();
		assertHolds(result);
	}

	// ---------------------------------------------------------------------------------- Condition

	@Test
	void aProducerAndAConsumerOverConditionsHold() {
		assertHolds(Frontrun.explore(Slot::new).thread(Juc::produceTwo).thread(Juc::consumeTwo)
				.invariant(s -> s.sum == 12).run());
	}

	@Test
	void aSignalBetweenTheCheckAndTheAwaitIsLost() {
		assertViolated(Frontrun.explore(Slot::new).thread(s -> Juc.unchecked(s::awaitReadyBroken))
				.thread(Slot::signalReady).run(), "Deadlock detected", "lost wakeup");
	}

	@Test
	void aTimedAwaitTimesOutOnlyWhenNothingElseCanRun() {
		boolean[] timedOut = new boolean[1];
		ExplorationResult result = Frontrun.explore(Slot::new)
				.thread(s -> Juc.unchecked(() -> s.consumed = s.awaitReadyFor(10)))
				.thread(Slot::signalReadyUnderLock).stopOnFirst(false).invariant(s -> s.consumed).run();
		assertHolds(result);
		ExplorationResult alone = Frontrun.explore(Slot::new)
				.thread(s -> Juc.unchecked(() -> s.consumed = s.awaitReadyFor(60_000))).invariant(s -> !s.consumed)
				.run();
		assertExactly(1, alone);
	}

	// ---------------------------------------------------------------------------------- Semaphore

	@Test
	void aSemaphoreOfOneExcludes() {
		assertHolds(times(Frontrun.explore(() -> new Permits(1)), 2, Permits::increment).invariant(p -> p.x == 2)
				.run());
	}

	@Test
	void aSemaphoreOfTwoLetsAnUpdateBeLost() {
		assertViolated(times(Frontrun.explore(() -> new Permits(2)), 2, Permits::increment).stopOnFirst(true)
				.invariant(p -> p.x == 2).run(), "Permits.x");
	}

	// ----------------------------------------------------------------------------- CountDownLatch

	@Test
	void theWaiterOfALatchSeesTheWriteMadeBeforeCountDown() {
		ExplorationResult result = Frontrun.explore(Published::new).thread(Published::await)
				.thread(Published::publish).stopOnFirst(false).invariant(p -> p.seen == 42).run();
		assertExactly(2, result);
	}

	@Test
	void aWriteAfterCountDownMayBeMissed() {
		assertViolated(Frontrun.explore(Published::new).thread(Published::await).thread(Published::publishLate)
				.invariant(p -> p.seen == 42).run(), "Published.value");
	}

	@Test
	void aTimedAwaitOnALatchNobodyCountsDownTimesOut() {
		assertExactly(1, Frontrun.explore(Published::new).thread(Published::awaitBriefly)
				.invariant(p -> !p.counted).run());
	}

	@Test
	void anUntimedAwaitOnALatchNobodyCountsDownIsALostWakeup() {
		assertViolated(Frontrun.explore(Published::new).thread(Published::await).run(), "Deadlock detected",
				"thread 0 waits to be notified on latch");
	}

	// ------------------------------------------------------------------------------ CyclicBarrier

	@Test
	void aBarrierPublishesWhatEachThreadWroteBefore() {
		assertHolds(Frontrun.explore(Meeting::new).thread(m -> m.meet(0)).thread(m -> m.meet(1))
				.invariant(m -> m.seen[0] == 2 && m.seen[1] == 1).run());
	}

	// ---------------------------------------------------------------------------- blocking queues

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "arrayBlocking", "linkedBlocking", "synchronous" })
	void aProducerAndAConsumerOverABlockingQueueHold(String kind) {
		ExplorationResult result = Frontrun.explore(() -> switch (kind) {
		case "arrayBlocking" -> Pipe.arrayBlocking();
		case "linkedBlocking" -> Pipe.linkedBlocking();
		default -> Pipe.synchronous();
		}).thread(Pipe::produce).thread(Pipe::consume).invariant(p -> p.sum == 12).run();
		assertHolds(result);
	}

	// ---------------------------------------------------------------------------------- LockSupport

	@Test
	void parkAndUnparkHandOverAFlag() {
		assertHolds(Frontrun.explore(Parking::new).thread(Parking::waitForFlag).thread(Parking::raiseFlag)
				.invariant(p -> p.done).run());
	}

	@Test
	void anUnparkBeforeTheWaiterPublishedItselfIsLost() {
		assertViolated(Frontrun.explore(Parking::new).thread(Parking::waitForFlagBroken).thread(Parking::raiseFlag)
				.invariant(p -> p.done).run(), "Deadlock detected");
	}

	// ---------------------------------------------------------------------------------- executors

	@Test
	void twoTasksIncrementingAPlainFieldLoseAnUpdate() {
		assertViolated(Frontrun.explore(Pool::two).thread(p -> p.twoPlainIncrements(true))
				.invariant(p -> p.plain == 2).run(), "Pool.plain");
	}

	@Test
	void twoTasksIncrementingAnAtomicHold() {
		ExplorationResult result = Frontrun.explore(Pool::two).thread(Pool::twoAtomicIncrements)
				.invariant(p -> p.atomic.get() == 2).run();
		assertHolds(result);
	}

	@Test
	void futureGetSeesTheTasksWrite() {
		// the get before the task runs (it parks), while it runs (it parks), or after it completed
		assertExactly(3, Frontrun.explore(Pool::single).thread(Pool::getSeesTheTasksWrite)
				.invariant(p -> p.result == 6 && p.seen == 7).run());
	}

	@Test
	void readingBeforeGetRaces() {
		assertViolated(Frontrun.explore(Pool::single).thread(Pool::readsBeforeGet).invariant(p -> p.seen == 7).run(),
				"Pool.plain");
	}

	@Test
	void idleWorkersOfAPoolThatIsNotShutDownAreNotADeadlock() {
		assertHolds(Frontrun.explore(Pool::single).thread(p -> p.twoPlainIncrements(false))
				.invariant(p -> p.plain == 2).run());
	}

	@Test
	void awaitTerminationAfterShutdownSeesTheTask() {
		assertHolds(Frontrun.explore(Pool::two).thread(Pool::shutdownAndAwait)
				.invariant(p -> p.result == 1 && p.seen == 1).run());
	}

	// ------------------------------------------------------------------------ VarHandle and updaters

	@Test
	void aWriteThroughAVarHandleConflictsWithAPlainReadOfTheField() {
		assertViolated(times(Frontrun.explore(Handles::new), 2, Handles::brokenIncrement).stopOnFirst(true)
				.invariant(h -> h.value == 2).run(), "Handles.value");
		assertHolds(times(Frontrun.explore(Handles::new), 2, Handles::casIncrement).invariant(h -> h.value == 2)
				.run());
	}

	@Test
	void aWriteThroughAFieldUpdaterConflictsWithAPlainReadOfTheField() {
		assertViolated(times(Frontrun.explore(Handles::new), 2, Handles::brokenUpdaterIncrement).stopOnFirst(true)
				.invariant(h -> h.count == 2).run(), "Handles.count");
		assertExactly(2, times(Frontrun.explore(Handles::new), 2, Handles::updaterIncrement)
				.invariant(h -> h.count == 2).run());
	}

	@Test
	void handlesAreKeyedOnTheObjectAndTheElementNotOnTheHandle() {
		assertExactly(1, Frontrun.explore(Handles.Pair::new).thread(p -> p.first.casIncrement())
				.thread(p -> p.second.casIncrement()).thread(p -> p.first.incrementSlot(0))
				.thread(p -> p.first.incrementSlot(1)).stopOnFirst(false).run());
		assertExactly(1, Frontrun.explore(Handles.Pair::new).thread(p -> p.first.updaterIncrement())
				.thread(p -> p.second.updaterIncrement()).stopOnFirst(false).run());
	}

	// ------------------------------------------------------------- more of java.util.concurrent

	@Test
	void completableFuturesOnAPoolHold() {
		assertHolds(Frontrun.explore(More::new).thread(More::completableOnPool).invariant(m -> m.result == 11).run());
	}

	@Test
	void invokeAllWaitsForEveryTask() {
		assertHolds(Frontrun.explore(More::new).thread(More::invokeAll).invariant(m -> m.result == 3).run());
	}

	@Test
	void cachedSingleAndScheduledExecutorsRunTheirTasks() {
		assertHolds(Frontrun.explore(More::new).thread(More::cachedPool).invariant(m -> m.result == 3).run());
		assertHolds(Frontrun.explore(More::new).thread(More::singleThread).invariant(m -> m.result == 4).run());
		assertExactly(1, Frontrun.explore(More::new).thread(More::scheduledTask).invariant(m -> m.result == 5).run());
	}

	@Test
	void phasersExchangersAndStampedLocksBlockThroughParking() {
		assertHolds(Frontrun.explore(More::new).thread(m -> m.phase(0)).thread(m -> m.phase(1))
				.invariant(m -> m.result == 1).run());
		assertHolds(Frontrun.explore(More::new).thread(m -> m.exchange(0)).thread(m -> m.exchange(1))
				.invariant(m -> m.result == 1).run());
		assertHolds(times(Frontrun.explore(More::new), 2, More::stampedWrite).invariant(m -> m.x == 2).run());
	}

	// -------------------------------------------------------------------------------- interrupts

	@Test
	void anInterruptWakesAThreadWaitingOnALatch() {
		assertHolds(Frontrun.explore(Interrupted::new).thread(Interrupted::awaitForever).invariant(i -> i.sawInterrupt)
				.run());
	}

	@Test
	void anInterruptWakesAParkedThreadAndStaysSet() {
		assertHolds(Frontrun.explore(Interrupted::new).thread(Interrupted::parkForever)
				.invariant(i -> i.sawInterrupt && i.stillInterrupted).run());
	}

	@Test
	void sleepThrowsWhenInterrupted() {
		assertExactly(1, Frontrun.explore(Interrupted::new).thread(Interrupted::sleepInterrupted)
				.invariant(i -> i.sawInterrupt).timeoutPerExecution(Duration.ofSeconds(5)).run());
	}
}
