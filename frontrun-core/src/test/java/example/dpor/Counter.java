package example.dpor;

/** The seed's counter: {@code increment} reads, then writes, so two increments can lose one. */
public class Counter {

	public int value;

	public void increment() {
		int temp = this.value;
		this.value = temp + 1;
	}

	/** Throws unless both increments survived, as a test's assertion would. */
	public void checkBothCounted() {
		if (value != 2) {
			throw new AssertionError("value is " + value + ", expected 2");
		}
	}
}
