package example.instrument;

/** A class whose static initializer writes its static fields. */
public class StaticInit {

	static int counter = 5; // @clinit-write
	static final int[] TABLE = { 1, 2 }; // @clinit-table

	/** Reads the fields the static initializer wrote. */
	public static int read() {
		return counter + TABLE[1]; // @read
	}
}
