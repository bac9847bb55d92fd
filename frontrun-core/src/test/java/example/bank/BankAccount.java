package example.bank;

/** The seed's bank account: {@code transfer} reads, then writes, the balance, so two transfers can lose one. */
public class BankAccount {

	public int balance;

	public BankAccount(int balance) {
		this.balance = balance;
	}

	public void transfer(int amount) {
		int current = balance; // frontrun: read_balance
		int updated = current + amount;
		balance = updated; // frontrun: write_balance
	}
}
