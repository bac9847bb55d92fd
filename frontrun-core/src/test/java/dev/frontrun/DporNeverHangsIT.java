package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.corpus.Blocking;
import example.juc.Foreign;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** A thread that blocks where frontrun cannot see ends the exploration INCONCLUSIVE within its bound. */
class DporNeverHangsIT {

	@Test
	void aRealSocketReadEndsInconclusiveAtThePerExecutionTimeout() throws Exception {
		try (ServerSocket server = new ServerSocket(0)) {
			long start = System.nanoTime();
			ExplorationResult result = Frontrun.explore(() -> new Blocking(server.getLocalPort(), new Object()))
					.thread(Blocking::readSocket).timeoutPerExecution(Duration.ofSeconds(1)).run();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertEquals(Verdict.INCONCLUSIVE, result.verdict(), result.explanation());
			assertFalse(result.exhausted());
			assertTrue(result.explanation().contains("did not finish within the per-execution timeout"),
					result.explanation());
			assertTrue(result.explanation().contains("Blocking.readSocket"), result.explanation());
			assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
		}
	}

	@Test
	void aReentrantLockHeldByAThreadFrontrunDoesNotRunEndsInconclusive() throws Exception {
		ReentrantLock lock = new ReentrantLock();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> {
			lock.lock();
			try {
				held.countDown();
				release.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} finally {
				lock.unlock();
			}
		});
		holder.start();
		held.await();
		try {
			long start = System.nanoTime();
			ExplorationResult result = Frontrun.explore(() -> new Foreign(lock, null))
					.thread(Foreign::takeForeignLock).timeoutPerExecution(Duration.ofSeconds(30)).run();
			assertEquals(Verdict.INCONCLUSIVE, result.verdict(), result.explanation());
			assertTrue(result.explanation().contains("only a thread frontrun does not control could wake it"),
					result.explanation());
			assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
		} finally {
			release.countDown();
			holder.join();
		}
	}

	@Test
	void aReplyAThreadFrontrunDoesNotRunNeverSendsEndsInconclusive() throws Exception {
		SynchronousQueue<Integer> requests = new SynchronousQueue<>();
		Thread server = new Thread(() -> {
			try {
				while (requests.take() != 0) {
					// takes requests and never replies
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		server.setDaemon(true);
		server.start();
		// Wait until the server parks in take(): a SynchronousQueue taker that is still spinning is matched without
		// an unpark, and frontrun then never learns that a thread it does not run took part (see the closing note
		// of issue 3: such a handoff can still be reported as a deadlock).
		while (server.getState() != Thread.State.WAITING) {
			Thread.onSpinWait();
		}
		try {
			ExplorationResult result = Frontrun.explore(() -> new Foreign(null, requests))
					.thread(Foreign::askForeignThread).timeoutPerExecution(Duration.ofSeconds(30)).run();
			assertEquals(Verdict.INCONCLUSIVE, result.verdict(), result.explanation());
			assertTrue(result.explanation().contains("askForeignThread"), result.explanation());
		} finally {
			server.interrupt();
			server.join();
		}
	}

	@Test
	void aValueComputedOnTheCommonPoolArrives() {
		ExplorationResult result = Frontrun.explore(() -> new Foreign(null, null)).thread(Foreign::onCommonPool)
				.invariant(f -> f.result == 7).timeoutPerExecution(Duration.ofSeconds(10)).run();
		assertEquals(Verdict.HOLDS, result.verdict(), result.explanation());
	}

	@Test
	void aMonitorHeldByAThreadFrontrunDoesNotRunEndsInconclusiveEarly() throws Exception {
		Object monitor = new Object();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> {
			synchronized (monitor) {
				held.countDown();
				try {
					release.await();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		});
		holder.start();
		held.await();
		try {
			ExplorationResult result = Frontrun.explore(() -> new Blocking(0, monitor))
					.thread(Blocking::enterForeignMonitor).timeoutPerExecution(Duration.ofSeconds(30)).run();
			assertEquals(Verdict.INCONCLUSIVE, result.verdict(), result.explanation());
			assertTrue(result.explanation().contains("blocked where frontrun cannot see"), result.explanation());
			assertTrue(result.explanation().contains("Blocking.enterForeignMonitor"), result.explanation());
		} finally {
			release.countDown();
			holder.join();
		}
	}
}
