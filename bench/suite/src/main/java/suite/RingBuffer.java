package suite;

import java.util.NoSuchElementException;

/** A fixed-capacity FIFO queue over an array. */
public final class RingBuffer<T> {
	private final Object[] items;
	private int head;
	private int size;

	public RingBuffer(int capacity) {
		if (capacity <= 0) {
			throw new IllegalArgumentException("capacity must be positive: " + capacity);
		}
		items = new Object[capacity];
	}

	public boolean offer(T item) {
		if (size == items.length) {
			return false;
		}
		items[(head + size) % items.length] = item;
		size++;
		return true;
	}

	/** Adds, dropping the oldest item when full; returns the dropped item or null. */
	@SuppressWarnings("unchecked")
	public T overwrite(T item) {
		T dropped = null;
		if (size == items.length) {
			dropped = (T) items[head];
			head = (head + 1) % items.length;
			size--;
		}
		offer(item);
		return dropped;
	}

	@SuppressWarnings("unchecked")
	public T poll() {
		if (size == 0) {
			throw new NoSuchElementException("empty");
		}
		T item = (T) items[head];
		items[head] = null;
		head = (head + 1) % items.length;
		size--;
		return item;
	}

	@SuppressWarnings("unchecked")
	public T peek() {
		return size == 0 ? null : (T) items[head];
	}

	public int size() {
		return size;
	}

	public int capacity() {
		return items.length;
	}
}
