package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.corpus.Corpus;
import example.corpus.Corpus.Account;
import example.corpus.Corpus.Buffer;
import example.corpus.Corpus.Lazy;
import example.corpus.Corpus.Registry;
import example.corpus.Corpus.Signal;
import example.corpus.Corpus.Tally;
import example.corpus.Corpus.TwoLocks;
import org.junit.jupiter.api.Test;

/** Racy programs are VIOLATED with the right diagnosis; their safe versions HOLD, exhaustively. */
class DporCorpusIT {

	private static void assertViolated(ExplorationResult result, String... parts) {
		assertEquals(Verdict.VIOLATED, result.verdict(), result.explanation());
		for (String part : parts) {
			assertTrue(result.explanation().contains(part), () -> "expected «" + part + "» in:\n" + result.explanation());
		}
	}

	private static void assertHoldsExhaustively(ExplorationResult result) {
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
		assertTrue(result.exhausted(), result.explanation());
	}

	@Test
	void checkThenActOnAHashMap() {
		assertViolated(Frontrun.explore(Registry::new).thread(r -> r.registerOnce(0)).thread(r -> r.registerOnce(1))
				.invariant(r -> r.inserts == 1).run(), "Check-then-act: threads 0 and 1 both checked");
	}

	@Test
	void lazyInitialisationCreatesTwice() {
		assertViolated(Frontrun.explore(Lazy::new).thread(Lazy::get).thread(Lazy::get).invariant(l -> l.created == 1)
				.run(), "threads 0 and 1", "Lazy.instance");
	}

	@Test
	void aCompoundOfTwoSynchronizedMethodsLosesAnUpdate() {
		assertViolated(Frontrun.explore(Account::new).thread(a -> a.deposit(10)).thread(a -> a.deposit(20))
				.invariant(a -> a.balance() == 30).run(), "Account.balance");
	}

	@Test
	void twoMonitorsInOppositeOrdersDeadlock() {
		assertViolated(Frontrun.explore(TwoLocks::new).thread(TwoLocks::firstThenSecond)
				.thread(TwoLocks::secondThenFirst).run(), "Deadlock detected", "thread 0 holds first and waits for second, held by thread 1",
				"thread 1 holds second and waits for first, held by thread 0");
	}

	@Test
	void aNotificationBetweenTheCheckAndTheWaitIsLost() {
		assertViolated(Frontrun.explore(Signal::new).thread(s -> Corpus.uninterruptibly(s::awaitReadyBroken))
				.thread(Signal::signalBroken).invariant(s -> s.consumed).run(), "Deadlock detected",
				"thread 0 waits to be notified on lock", "lost wakeup");
	}

	@Test
	void properLockingHolds() {
		assertHoldsExhaustively(Frontrun.explore(Account::new).thread(a -> a.depositAtomically(10))
				.thread(a -> a.depositAtomically(20)).invariant(a -> a.balance() == 30).run());
	}

	@Test
	void aCheckedWaitHolds() {
		assertHoldsExhaustively(Frontrun.explore(Signal::new).thread(s -> Corpus.uninterruptibly(s::awaitReady))
				.thread(Signal::signal).invariant(s -> s.consumed).run());
	}

	@Test
	void concurrentMapMergeAndAtomicsHold() {
		assertHoldsExhaustively(Frontrun.explore(Tally::new).thread(Tally::count).thread(Tally::count)
				.invariant(t -> t.map.get("key") == 2 && t.atomic.get() == 2).run());
	}

	@Test
	void aCorrectProducerConsumerHolds() {
		assertHoldsExhaustively(Frontrun.explore(Buffer::new).thread(Corpus::produce).thread(Corpus::consume)
				.invariant(b -> b.sum == 12).run());
	}
}
