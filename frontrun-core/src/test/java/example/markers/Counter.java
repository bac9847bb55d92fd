package example.markers;

/** Markers on their own lines, each gating the next statement. */
public class Counter {

	public int value;

	public void increment() {
		// frontrun: read_value
		int temp = value;

		// frontrun: write_value
		value = temp + 1;
	}
}
