package suite;

import java.util.HashMap;
import java.util.Map;

/** A least-recently-used cache: a hash map over a doubly linked list. */
public final class LruCache<K, V> {
	private static final class Node<K, V> {
		final K key;
		V value;
		Node<K, V> prev;
		Node<K, V> next;

		Node(K key, V value) {
			this.key = key;
			this.value = value;
		}
	}

	private final int capacity;
	private final Map<K, Node<K, V>> nodes = new HashMap<>();
	private Node<K, V> newest;
	private Node<K, V> oldest;
	private int evictions;

	public LruCache(int capacity) {
		this.capacity = capacity;
	}

	public V get(K key) {
		Node<K, V> node = nodes.get(key);
		if (node == null) {
			return null;
		}
		unlink(node);
		pushNewest(node);
		return node.value;
	}

	public void put(K key, V value) {
		Node<K, V> node = nodes.get(key);
		if (node != null) {
			node.value = value;
			unlink(node);
			pushNewest(node);
			return;
		}
		if (nodes.size() == capacity) {
			Node<K, V> evicted = oldest;
			unlink(evicted);
			nodes.remove(evicted.key);
			evictions++;
		}
		node = new Node<>(key, value);
		nodes.put(key, node);
		pushNewest(node);
	}

	public int size() {
		return nodes.size();
	}

	public int evictions() {
		return evictions;
	}

	public K oldestKey() {
		return oldest == null ? null : oldest.key;
	}

	private void unlink(Node<K, V> node) {
		if (node.prev != null) {
			node.prev.next = node.next;
		} else {
			newest = node.next;
		}
		if (node.next != null) {
			node.next.prev = node.prev;
		} else {
			oldest = node.prev;
		}
		node.prev = null;
		node.next = null;
	}

	private void pushNewest(Node<K, V> node) {
		node.next = newest;
		if (newest != null) {
			newest.prev = node;
		}
		newest = node;
		if (oldest == null) {
			oldest = node;
		}
	}
}
