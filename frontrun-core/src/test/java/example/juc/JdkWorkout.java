package example.juc;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Loads and initializes every class of {@code java.util.concurrent}, then uses the rewritten ones, so that a JVM
 * that verifies boot classes checks what the agent made of them. Exits with 1 on a {@code VerifyError}.
 */
public final class JdkWorkout {

	private JdkWorkout() {
	}

	public static void main(String[] args) throws Exception {
		FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
		Path root = jrt.getPath("/modules/java.base");
		int loaded = 0;
		List<Path> classes;
		try (Stream<Path> files = Files.walk(root.resolve("java/util/concurrent"))) {
			classes = files.filter(path -> path.toString().endsWith(".class")).toList();
		}
		for (Path file : classes) {
			String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
			try {
				Class.forName(name, true, null);
				loaded++;
			} catch (VerifyError e) {
				System.out.println("VERIFY ERROR " + name + ": " + e);
				System.exit(1);
			} catch (Throwable e) {
				// a class that cannot be initialized alone: not the agent's doing
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
			Thread thread = new Thread(runnable);
			thread.setDaemon(true);
			return thread;
		});
		CountDownLatch latch = new CountDownLatch(1);
		pool.submit(latch::countDown);
		boolean counted = latch.await(10, TimeUnit.SECONDS);
		int value = CompletableFuture.supplyAsync(() -> 6, pool).thenApply(v -> v + 1).get(10, TimeUnit.SECONDS);
		ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1);
		boolean polled = queue.poll(1, TimeUnit.MILLISECONDS) == null;
		ReentrantLock lock = new ReentrantLock();
		lock.lock();
		boolean waited = !lock.newCondition().await(1, TimeUnit.MILLISECONDS);
		lock.unlock();
		LockSupport.unpark(Thread.currentThread());
		LockSupport.parkNanos(1);
		Thread sleeper = new Thread(() -> LockSupport.park());
		sleeper.start();
		sleeper.interrupt();
		sleeper.join();
		pool.shutdown();
		boolean ended = pool.awaitTermination(10, TimeUnit.SECONDS);
		System.out.println("loaded " + loaded + " classes; " + counted + " " + value + " " + polled + " " + waited + " "
				+ ended);
	}
}
