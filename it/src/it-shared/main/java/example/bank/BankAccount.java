package example.bank;

/** The README's bank account: transfer is an unguarded read-modify-write. */
public class BankAccount {

	private int balance;

	public BankAccount(int balance) {
		this.balance = balance;
	}

	public void transfer(int amount) {
		int current = balance; // frontrun: read_balance
		int newBalance = current + amount;
		balance = newBalance; // frontrun: write_balance
	}

	public int balance() {
		return balance;
	}
}
