package example.random;

import example.hidden.Stock;

/**
 * Two buyers, each with a handle of its own on the same hidden stock of one item: check-then-act through state
 * that frontrun cannot see. If both check before either takes, both take, and the stock goes negative.
 */
public final class Shop {

	public final Stock left = new Stock();
	public final Stock right = new Stock();

	/** A shop with one item in stock. */
	public Shop() {
		Stock.restock(1);
	}

	/**
	 * Buys an item through one handle, if the stock has one.
	 *
	 * @param stock the buyer's handle
	 */
	public static void buy(Stock stock) {
		if (stock.available()) {
			stock.take();
		}
	}
}
