package example.instrument;

/** Code with no shared access, no synchronization and no call into uninstrumented code. */
public class Inert {

	/** Adds without touching any field. */
	public static int add(int left, int right) {
		return left + right;
	}
}
