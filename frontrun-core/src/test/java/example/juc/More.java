package example.juc;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/** More of java.util.concurrent, for probing. */
public final class More {
	public int x;
	public int y;
	public int result = -1;
	public final ExecutorService pool = Executors.newFixedThreadPool(2);
	public final ExecutorService cached = Executors.newCachedThreadPool();
	public final ExecutorService single = Executors.newSingleThreadExecutor();
	public final ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(1);
	public final Phaser phaser = new Phaser(2);
	public final Exchanger<Integer> exchanger = new Exchanger<>();
	public final StampedLock stamped = new StampedLock();

	public void completableOnPool() {
		Juc.unchecked(() -> result = CompletableFuture.supplyAsync(() -> {
			x = 5;
			return 6;
		}, pool).thenApply(v -> v + x).get());
	}

	public void completableOnCommonPool() {
		Juc.unchecked(() -> result = CompletableFuture.supplyAsync(() -> 6).get());
	}

	public void invokeAll() {
		Juc.unchecked(() -> {
			List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2);
			int sum = 0;
			for (Future<Integer> f : pool.invokeAll(tasks)) {
				sum += f.get();
			}
			result = sum;
		});
	}

	public void cachedPool() {
		Juc.unchecked(() -> result = cached.submit(() -> 3).get());
	}

	public void singleThread() {
		Juc.unchecked(() -> result = single.submit(() -> 4).get());
	}

	public void scheduledTask() {
		Juc.unchecked(() -> result = scheduled.schedule(() -> 5, 10, TimeUnit.SECONDS).get());
	}

	public void phase(int me) {
		if (me == 0) {
			x = 1;
		} else {
			y = 1;
		}
		phaser.arriveAndAwaitAdvance();
		if (me == 0) {
			result = y;
		}
	}

	public void exchange(int me) {
		Juc.unchecked(() -> {
			int got = exchanger.exchange(me);
			if (me == 0) {
				result = got;
			}
		});
	}

	public void stampedWrite() {
		long stamp = stamped.writeLock();
		x = x + 1;
		stamped.unlockWrite(stamp);
	}
}
