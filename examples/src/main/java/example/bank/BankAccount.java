package example.bank;

/**
 * A bank account with a classic lost-update race.
 *
 * <p>{@link #transfer(int)} reads the balance, adds to it and writes it back, with no lock. If two threads
 * both read before either writes, both compute from the same old balance and the second write overwrites the
 * first: one transfer is lost.
 *
 * <p>The two {@code // frontrun:} comments are trace markers. They change nothing when the code runs
 * normally; under {@code mvn frontrun:test} each one gates its line, so a test can decide which thread runs
 * that line when (see {@code BankAccountTest}).
 */
public class BankAccount {

	private int balance;

	/**
	 * Opens an account.
	 *
	 * @param balance the opening balance
	 */
	public BankAccount(int balance) {
		this.balance = balance;
	}

	/**
	 * Adds {@code amount} to the balance. Not thread-safe: that is the point of the example.
	 *
	 * @param amount the amount to add
	 */
	public void transfer(int amount) {
		int current = balance; // frontrun: read_balance
		int newBalance = current + amount;
		balance = newBalance; // frontrun: write_balance
	}

	/**
	 * Returns the balance.
	 *
	 * @return the current balance
	 */
	public int balance() {
		return balance;
	}
}
