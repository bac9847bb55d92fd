package example.counter;

/** The seed's counter: {@code increment} reads, then writes, so two increments can lose one. */
public class Counter {

	public int value;

	public void increment() {
		int temp = this.value;
		this.value = temp + 1;
	}
}
