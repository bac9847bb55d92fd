package example.bench;

/**
 * Measures a tight loop of field reads and writes, to compare a JVM without the agent against one with it and
 * the pass-through handler. Not a test: run it by hand after {@code mvn verify}, from {@code frontrun-core}:
 *
 * <pre>
 * java -cp target/test-classes example.bench.FieldLoop
 * java -javaagent:target/frontrun-core-0.1.0-SNAPSHOT-agent.jar -cp target/test-classes example.bench.FieldLoop
 * </pre>
 */
public class FieldLoop {

	private static final int ITERATIONS = 50_000_000;
	private static final int ROUNDS = 15;

	private long total;
	private int[] slots = new int[16];

	/** Reads and writes one field per iteration. */
	long fields(int iterations) {
		for (int i = 0; i < iterations; i++) {
			total += i & 7;
		}
		return total;
	}

	/** Reads and writes one array element per iteration, after reading the array field. */
	long arrays(int iterations) {
		for (int i = 0; i < iterations; i++) {
			slots[i & 15] += 1;
		}
		return slots[3];
	}

	/**
	 * Prints the best time per iteration of each loop.
	 *
	 * @param args unused
	 */
	public static void main(String[] args) {
		FieldLoop loop = new FieldLoop();
		long fieldNanos = Long.MAX_VALUE;
		long arrayNanos = Long.MAX_VALUE;
		long sink = 0;
		for (int round = 0; round < ROUNDS; round++) {
			long start = System.nanoTime();
			sink += loop.fields(ITERATIONS);
			long middle = System.nanoTime();
			sink += loop.arrays(ITERATIONS);
			long end = System.nanoTime();
			fieldNanos = Math.min(fieldNanos, middle - start);
			arrayNanos = Math.min(arrayNanos, end - middle);
		}
		System.out.printf("field read+write: %.2f ns/iteration; array element read+write: %.2f ns/iteration "
				+ "(best of %d rounds of %d; %s; checksum %d)%n", fieldNanos / (double) ITERATIONS,
				arrayNanos / (double) ITERATIONS, ROUNDS, ITERATIONS, System.getProperty("java.version"), sink);
	}
}
