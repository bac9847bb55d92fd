package benchmarks.workloads;

import dev.frontrun.bench.Workload;

/**
 * A one-slot bounded buffer guarded by {@code synchronized} with {@code wait} in a {@code while} loop, used by 2
 * producers and 2 consumers that put and take {@code items} items each. With {@code notifyAll} it is correct. With
 * {@code notify} a producer can wake the other producer (or a consumer the other consumer) instead of a thread that
 * can proceed, and all the threads that are left end up waiting: a deadlock (the classic lost wake-up of
 * producer/consumer with a single wait set).
 */
public final class BoundedBuffer extends Workload<BoundedBuffer.Slot> {

	/** The one-slot buffer. */
	public static final class Slot {
		private final boolean notifyAll;
		private int item;
		private boolean full;
		int sum;

		Slot(boolean notifyAll) {
			this.notifyAll = notifyAll;
		}

		synchronized void put(int value) throws InterruptedException {
			while (full) {
				wait();
			}
			item = value;
			full = true;
			wake();
		}

		synchronized int take() throws InterruptedException {
			while (!full) {
				wait();
			}
			full = false;
			wake();
			return item;
		}

		private void wake() {
			if (notifyAll) {
				notifyAll();
			} else {
				notify();
			}
		}
	}

	private final boolean notifyAll;
	private final int items;

	/**
	 * @param notifyAll {@code true} for the correct buffer, {@code false} for the one that deadlocks
	 * @param items the items each producer puts and each consumer takes
	 */
	public BoundedBuffer(boolean notifyAll, int items) {
		this.notifyAll = notifyAll;
		this.items = items;
	}

	@Override
	public String id() {
		return notifyAll ? "buffer" : "buffer-notify";
	}

	@Override
	public String title() {
		return "bounded buffer (1 slot, synchronized + wait/" + (notifyAll ? "notifyAll" : "notify") + "), "
				+ "2 producers + 2 consumers × " + items + " item" + (items == 1 ? "" : "s");
	}

	@Override
	public int threads() {
		return 4;
	}

	@Override
	public Slot setup() {
		return new Slot(notifyAll);
	}

	@Override
	public void run(Slot slot, int thread) {
		try {
			for (int i = 1; i <= items; i++) {
				if (thread < 2) {
					slot.put(thread * 100 + i);
				} else {
					int taken = slot.take();
					synchronized (slot) {
						slot.sum += taken;
					}
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void check(Slot slot) {
		int expected = 0;
		for (int p = 0; p < 2; p++) {
			for (int i = 1; i <= items; i++) {
				expected += p * 100 + i;
			}
		}
		if (slot.sum != expected) {
			throw new AssertionError("consumed " + slot.sum + ", expected " + expected);
		}
	}

	@Override
	public Expect expect() {
		return notifyAll ? Expect.HOLDS : Expect.DEADLOCK;
	}
}
