package suite;

/** A bank account that cannot go below its overdraft limit. */
public final class Account {
	private final String id;
	private final long limit;
	private long balance;
	private int operations;

	public Account(String id, long balance, long limit) {
		this.id = id;
		this.balance = balance;
		this.limit = limit;
	}

	public void deposit(long amount) {
		if (amount <= 0) {
			throw new IllegalArgumentException("deposit must be positive");
		}
		balance += amount;
		operations++;
	}

	public void withdraw(long amount) {
		if (amount <= 0) {
			throw new IllegalArgumentException("withdrawal must be positive");
		}
		if (balance - amount < -limit) {
			throw new IllegalStateException("insufficient funds in " + id);
		}
		balance -= amount;
		operations++;
	}

	public void transferTo(Account other, long amount) {
		withdraw(amount);
		other.deposit(amount);
	}

	public long balance() {
		return balance;
	}

	public int operations() {
		return operations;
	}
}
