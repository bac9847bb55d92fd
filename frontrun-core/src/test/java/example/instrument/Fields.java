package example.instrument;

/** Reads and writes of plain, volatile, static and final fields of each size. */
public class Fields {

	int plainInt;
	long plainLong;
	double plainDouble;
	Object plainObject;
	volatile int volatileInt;
	volatile long volatileLong;
	volatile double volatileDouble;
	volatile Object volatileObject;
	static int staticInt;
	static long staticLong;
	static double staticDouble;
	static Object staticObject;
	final int finalInt = 3; // @final-write

	/** Writes then reads each plain field. */
	public String plain() {
		plainInt = 7; // @plain-int-write
		plainLong = Long.MAX_VALUE - 1; // @plain-long-write
		plainDouble = 2.5; // @plain-double-write
		plainObject = "seven"; // @plain-object-write
		int i = plainInt; // @plain-int-read
		long l = plainLong; // @plain-long-read
		double d = plainDouble; // @plain-double-read
		Object o = plainObject; // @plain-object-read
		return i + " " + l + " " + d + " " + o;
	}

	/** Writes then reads each volatile field. */
	public String volatiles() {
		volatileInt = -7; // @volatile-int-write
		volatileLong = Long.MIN_VALUE + 1; // @volatile-long-write
		volatileDouble = -2.5; // @volatile-double-write
		volatileObject = "eight"; // @volatile-object-write
		int i = volatileInt; // @volatile-int-read
		long l = volatileLong; // @volatile-long-read
		double d = volatileDouble; // @volatile-double-read
		Object o = volatileObject; // @volatile-object-read
		return i + " " + l + " " + d + " " + o;
	}

	/** Writes then reads each static field. */
	public static String statics() {
		staticInt = 70; // @static-int-write
		staticLong = 1L << 40; // @static-long-write
		staticDouble = 0.25; // @static-double-write
		staticObject = "nine"; // @static-object-write
		int i = staticInt; // @static-int-read
		long l = staticLong; // @static-long-read
		double d = staticDouble; // @static-double-read
		Object o = staticObject; // @static-object-read
		return i + " " + l + " " + d + " " + o;
	}

	/** Read-modify-writes of wide fields, on this object and on another one. */
	public String increments(Fields other) {
		plainLong++; // @long-increment
		other.plainDouble += 1.5; // @double-add
		staticLong += 2; // @static-add
		return plainLong + " " + other.plainDouble + " " + staticLong; // @increments-return
	}

	/** Reads a final field, which is never reported. */
	public int readsFinal() {
		return finalInt;
	}
}
