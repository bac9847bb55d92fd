package example.realistic;

import java.util.HashMap;
import java.util.Map;

/** Prices by product code, computed once and cached in a HashMap under the cache's monitor. */
public class PriceCache {

	private final Map<String, Long> prices = new HashMap<>();
	private int misses;

	/** The price of a product, computed from its code: the sum of its characters. */
	public static long computePrice(String sku) {
		long price = 0;
		for (char c : sku.toCharArray()) {
			price += c;
		}
		return price;
	}

	/** Returns the cached price, computing it on the first request. */
	public long priceOf(String sku) {
		synchronized (this) {
			Long price = prices.get(sku);
			if (price == null) {
				misses++;
				price = computePrice(sku);
				prices.put(sku, price);
			}
			return price;
		}
	}

	/** How many requests had to compute the price. */
	public synchronized int misses() {
		return misses;
	}
}
