package example.realistic;

import java.util.ArrayDeque;
import java.util.Deque;

/** A bounded blocking queue built on its own monitor, with wait and notifyAll. */
public class BoundedQueue<T> {

	private final Deque<T> items = new ArrayDeque<>();
	private final int capacity;

	/** Creates a queue that holds up to {@code capacity} items. */
	public BoundedQueue(int capacity) {
		this.capacity = capacity;
	}

	/** Adds an item, waiting while the queue is full. */
	public synchronized void put(T item) throws InterruptedException {
		while (items.size() == capacity) {
			wait();
		}
		items.addLast(item);
		notifyAll();
	}

	/** Removes the oldest item, waiting while the queue is empty. */
	public synchronized T take() throws InterruptedException {
		while (items.isEmpty()) {
			wait();
		}
		T item = items.removeFirst();
		notifyAll();
		return item;
	}
}
