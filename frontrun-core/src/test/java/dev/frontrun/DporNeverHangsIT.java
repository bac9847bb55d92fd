package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.corpus.Blocking;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
