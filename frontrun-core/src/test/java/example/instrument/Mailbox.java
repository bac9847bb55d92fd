package example.instrument;

import java.util.ArrayDeque;
import java.util.Deque;

/** A bounded buffer guarded by its own monitor, with wait and notifyAll. */
public class Mailbox {

	private final Deque<Integer> messages = new ArrayDeque<>();
	private final int capacity;

	/** Creates a mailbox that holds up to {@code capacity} messages. */
	public Mailbox(int capacity) {
		this.capacity = capacity;
	}

	/** Adds a message, waiting while the mailbox is full. */
	public synchronized void put(int message) throws InterruptedException {
		while (messages.size() == capacity) { // @put-check
			wait(); // @put-wait
		}
		messages.addLast(message); // @put-add
		notifyAll(); // @put-notify
	}

	/** Takes the oldest message, waiting while the mailbox is empty. */
	public synchronized int take() throws InterruptedException {
		while (messages.isEmpty()) { // @take-check
			wait(); // @take-wait
		}
		int message = messages.removeFirst(); // @take-remove
		notifyAll(); // @take-notify
		return message;
	}

	/** Sends {@code count} messages from one thread to another and returns their sum as received. */
	public static long roundTrip(int count) throws InterruptedException {
		Mailbox mailbox = new Mailbox(2);
		long[] received = new long[1];
		Thread consumer = new Thread(() -> {
			try {
				for (int i = 0; i < count; i++) {
					received[0] += mailbox.take();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "consumer");
		consumer.start();
		for (int i = 1; i <= count; i++) {
			mailbox.put(i);
		}
		consumer.join();
		return received[0];
	}

	/** Each replaced monitor call, on a monitor held by the calling thread. */
	public static void everyMonitorCall() throws InterruptedException {
		Object monitor = new Object();
		synchronized (monitor) { // @calls-enter
			monitor.notify(); // @notify
			monitor.notifyAll(); // @notify-all
			monitor.wait(1); // @wait-millis
			monitor.wait(1, 1); // @wait-nanos
		} // @calls-exit
	}
}
