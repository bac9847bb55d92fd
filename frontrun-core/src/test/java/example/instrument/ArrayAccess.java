package example.instrument;

/** Stores, loads and lengths of arrays of every element type. */
public class ArrayAccess {

	/** Stores one element of each type, then loads it back. */
	public static String roundTrip() {
		int[] ints = new int[2];
		long[] longs = new long[2];
		float[] floats = new float[2];
		double[] doubles = new double[2];
		byte[] bytes = new byte[2];
		boolean[] booleans = new boolean[2];
		char[] chars = new char[2];
		short[] shorts = new short[2];
		String[] strings = new String[2];
		ints[1] = 5; // @int-store
		longs[1] = Long.MIN_VALUE; // @long-store
		floats[1] = 1.5f; // @float-store
		doubles[1] = Double.MAX_VALUE; // @double-store
		bytes[1] = -3; // @byte-store
		booleans[1] = true; // @boolean-store
		chars[1] = 'z'; // @char-store
		shorts[1] = 300; // @short-store
		strings[1] = "s"; // @string-store
		int i = ints[1]; // @int-load
		long l = longs[1]; // @long-load
		float f = floats[1]; // @float-load
		double d = doubles[1]; // @double-load
		byte b = bytes[1]; // @byte-load
		boolean z = booleans[1]; // @boolean-load
		char c = chars[1]; // @char-load
		short h = shorts[1]; // @short-load
		String s = strings[1]; // @string-load
		int length = strings.length; // @length
		return i + " " + l + " " + f + " " + d + " " + b + " " + z + " " + c + " " + h + " " + s + " " + length;
	}

	/** Increments an element in place, which loads it and stores it. */
	public static long incrementInPlace(long[] values, int index) {
		values[index] += 10; // @in-place
		return values[index]; // @reload
	}
}
