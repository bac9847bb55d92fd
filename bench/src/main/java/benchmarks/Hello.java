package benchmarks;

/**
 * The program whose start-up is timed with and without an agent: it sets and reads a field of one object, so that
 * frontrun's agent instruments one class and runs its pass-through hooks, then exits.
 */
public final class Hello {

	private int touched;

	/**
	 * @param args unused
	 */
	public static void main(String[] args) {
		Hello hello = new Hello();
		hello.touched = args.length + 1;
		if (hello.touched == 0) {
			System.out.println("unreachable");
		}
	}
}
