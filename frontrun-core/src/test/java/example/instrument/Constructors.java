package example.instrument;

/** Constructors that write fields before super() and pass new objects to super(). */
public class Constructors {

	int outerValue = 40; // @outer-init

	/** An inner class: javac stores the outer instance before calling super(). */
	public class Inner {

		final int innerValue;

		Inner(int offset) {
			innerValue = offset + outerValue; // @inner-body
		}
	}

	/** A base whose constructor keeps what it is given. */
	public static class Base {

		final Object held;

		Base(Object held) {
			this.held = held; // @base-body
		}
	}

	/** A box around a value. */
	public static class Box {

		Object content;

		Box(Object content) {
			this.content = content; // @box-body
		}
	}

	/** A subclass that builds nested objects in its super() arguments. */
	public static class Derived extends Base {

		Derived() {
			super(new Box(new Box("core"))); // @derived-super
		}

		Derived(int unused) {
			this(); // @derived-this
		}
	}

	/** Creates an inner object. */
	public int inner() {
		return new Inner(2).innerValue;
	}

	/** Creates a derived object; returns the innermost content. */
	public static Object derived() {
		Derived derived = new Derived(0);
		Box outer = (Box) derived.held;
		return ((Box) outer.content).content; // @derived-read
	}

	/** Creates an anonymous object capturing a local, which javac also stores before super(). */
	public static Object anonymous(String captured) {
		return new Object() {
			@Override
			public String toString() {
				return captured;
			}
		};
	}
}
