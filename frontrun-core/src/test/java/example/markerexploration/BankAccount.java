package example.markerexploration;

/** The seed's bank account, opened with 100: two transfers of 50 can lose one if both read before either writes. */
public class BankAccount {

	public int balance = 100;

	public void transfer(int amount) {
		int current = balance; // frontrun: read_balance
		int updated = current + amount;
		balance = updated; // frontrun: write_balance
	}

	/** Withdraws, refusing to overdraw; the check and the write are separate steps. */
	public void withdraw(int amount) {
		int current = balance; // frontrun: read_balance
		if (current < amount) {
			throw new IllegalStateException("insufficient funds: " + current + " < " + amount);
		}
		balance = current - amount; // frontrun: write_balance
	}

	/** Transfers under the account's monitor; the second marker is inside the lock. */
	public void lockedTransfer(int amount) {
		// frontrun: enter
		synchronized (this) {
			int current = balance; // frontrun: locked_read
			balance = current + amount;
		}
	}

	/** Sleeps before its only marker, for the timeout. */
	public void slowTransfer(int amount, long sleepMillis) throws InterruptedException {
		Thread.sleep(sleepMillis);
		balance += amount; // frontrun: slow_write
	}
}
