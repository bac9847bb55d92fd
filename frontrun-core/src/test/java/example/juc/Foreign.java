package example.juc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantLock;

/** Managed threads that depend on threads frontrun does not manage. */
public final class Foreign {

	public final ReentrantLock lock;
	public final SynchronousQueue<Integer> requests;
	public final CountDownLatch reply = new CountDownLatch(1);
	public int result = -1;

	public Foreign(ReentrantLock lock, SynchronousQueue<Integer> requests) {
		this.lock = lock;
		this.requests = requests;
	}

	/** Takes a lock that a thread frontrun does not run holds. */
	public void takeForeignLock() {
		lock.lock();
		lock.unlock();
	}

	/** Hands a request to a thread frontrun does not run, then waits for a reply that never comes. */
	public void askForeignThread() {
		Juc.unchecked(() -> {
			requests.put(1);
			reply.await();
		});
	}

	/** Waits for a value computed on the common pool, which frontrun does not run. */
	public void onCommonPool() {
		Juc.unchecked(() -> result = CompletableFuture.supplyAsync(() -> 6).thenApply(v -> v + 1).get());
	}
}
