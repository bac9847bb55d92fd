package example.realistic;

import java.util.ArrayList;
import java.util.List;

/**
 * Producers put orders in a {@link BoundedQueue}; consumers price them through a shared {@link PriceCache} and
 * add their totals to a {@link LockedCounter}.
 */
public class OrderPipeline {

	/** The number of distinct products. */
	public static final int PRODUCTS = 7;

	/** An order for some units of a product; a null product tells a consumer to stop. */
	record Order(String sku, int quantity) {
	}

	/**
	 * What a run computed.
	 *
	 * @param revenue the sum of every order's quantity times its price
	 * @param orders how many orders the consumers processed
	 * @param priceMisses how many times a price was computed rather than read from the cache
	 */
	public record Outcome(long revenue, long orders, int priceMisses) {
	}

	/** The product of the {@code index}-th order of a producer. */
	public static String skuOf(int index) {
		return "sku-" + index % PRODUCTS;
	}

	/** The quantity of the {@code index}-th order of a producer. */
	public static int quantityOf(int index) {
		return 1 + index % 3;
	}

	/** Runs the pipeline to completion. */
	public static Outcome run(int producers, int consumers, int ordersEach) throws InterruptedException {
		BoundedQueue<Order> queue = new BoundedQueue<>(4);
		PriceCache cache = new PriceCache();
		LockedCounter revenue = new LockedCounter();
		LockedCounter processed = new LockedCounter();
		List<Thread> threads = new ArrayList<>();
		for (int p = 0; p < producers; p++) {
			threads.add(new Thread(() -> produce(queue, ordersEach), "producer-" + p));
		}
		List<Thread> consumerThreads = new ArrayList<>();
		for (int c = 0; c < consumers; c++) {
			consumerThreads.add(new Thread(() -> consume(queue, cache, revenue, processed), "consumer-" + c));
		}
		for (Thread thread : consumerThreads) {
			thread.start();
		}
		for (Thread thread : threads) {
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		for (int c = 0; c < consumers; c++) {
			queue.put(new Order(null, 0));
		}
		for (Thread thread : consumerThreads) {
			thread.join();
		}
		return new Outcome(revenue.get(), processed.get(), cache.misses());
	}

	private static void produce(BoundedQueue<Order> queue, int orders) {
		try {
			for (int i = 0; i < orders; i++) {
				queue.put(new Order(skuOf(i), quantityOf(i)));
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void consume(BoundedQueue<Order> queue, PriceCache cache, LockedCounter revenue,
			LockedCounter processed) {
		try {
			for (Order order = queue.take(); order.sku() != null; order = queue.take()) {
				revenue.add(order.quantity() * cache.priceOf(order.sku()));
				processed.add(1);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
