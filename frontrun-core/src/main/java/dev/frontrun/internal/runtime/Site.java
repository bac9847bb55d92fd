package dev.frontrun.internal.runtime;

import java.util.Objects;

/**
 * One instrumented instruction: where it is in the source, what it does, and what it touches.
 *
 * @param declaringClass the internal name of the class whose code holds the instruction, such as
 *        {@code com/acme/Counter}
 * @param sourceFile the class's source file name, such as {@code Counter.java}; {@code null} when the class was
 *        compiled without it
 * @param methodName the name of the method holding the instruction, {@code <init>} and {@code <clinit>} included
 * @param line the instruction's line, or {@link #UNKNOWN_LINE} when the class has no line numbers there
 * @param kind what the instruction does
 * @param member the field or method the instruction names: a {@link FieldRef} for field sites, a
 *        {@link MethodRef} for calls, waits, notifications and thread operations, and {@code null} for array and
 *        monitor sites, whose object is known only when the hook runs
 */
public record Site(String declaringClass, String sourceFile, String methodName, int line, SiteKind kind,
		Member member) {

	/** The line of a site in code that has no line numbers. */
	public static final int UNKNOWN_LINE = -1;

	/**
	 * Checks that the member fits the kind.
	 *
	 * @throws NullPointerException if the class, the method or the kind is missing
	 * @throws IllegalArgumentException if the member does not fit the kind
	 */
	public Site {
		Objects.requireNonNull(declaringClass, "declaringClass");
		Objects.requireNonNull(methodName, "methodName");
		Objects.requireNonNull(kind, "kind");
		boolean fits = switch (kind.names()) {
		case FIELD -> member instanceof FieldRef;
		case METHOD -> member instanceof MethodRef;
		case NONE -> member == null;
		};
		if (!fits) {
			throw new IllegalArgumentException("A " + kind + " site cannot name " + member);
		}
	}

	/**
	 * Returns the site's place in the source, as explanations print it.
	 *
	 * @return such as {@code Counter.java:7}, or the class name and {@code ?} when the source file or the line is
	 *         unknown
	 */
	public String location() {
		String file = sourceFile != null ? sourceFile : declaringClass.replace('/', '.');
		return file + ":" + (line == UNKNOWN_LINE ? "?" : String.valueOf(line));
	}

	/** A field or a method that an instruction names, as the constant pool spells it. */
	public sealed interface Member permits FieldRef, MethodRef {

		/**
		 * Returns the class the instruction names the member on, which may inherit it.
		 *
		 * @return an internal name, such as {@code java/util/Map}, or an array descriptor for calls on arrays
		 */
		String owner();

		/**
		 * Returns the member's name.
		 *
		 * @return such as {@code value} or {@code get}
		 */
		String name();

		/**
		 * Returns the member's descriptor.
		 *
		 * @return such as {@code I} or {@code (Ljava/lang/Object;)Ljava/lang/Object;}
		 */
		String descriptor();

		/**
		 * Returns the member as explanations print it.
		 *
		 * @return the owner's simple name, a dot and the member's name, such as {@code Counter.value}
		 */
		default String displayName() {
			String simple = owner().substring(owner().lastIndexOf('/') + 1);
			return simple + "." + name();
		}
	}

	/**
	 * A field.
	 *
	 * @param owner the class the instruction names the field on
	 * @param name the field's name
	 * @param descriptor the field's type, such as {@code J}
	 * @param volatility whether the field is volatile, as far as the instrumenter could tell
	 */
	public record FieldRef(String owner, String name, String descriptor, Volatility volatility) implements Member {

		/**
		 * Checks the parts.
		 *
		 * @throws NullPointerException if a part is missing
		 */
		public FieldRef {
			Objects.requireNonNull(owner, "owner");
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(descriptor, "descriptor");
			Objects.requireNonNull(volatility, "volatility");
		}
	}

	/**
	 * A method.
	 *
	 * @param owner the class or interface the call names the method on
	 * @param name the method's name
	 * @param descriptor the method's descriptor
	 */
	public record MethodRef(String owner, String name, String descriptor) implements Member {

		/**
		 * Checks the parts.
		 *
		 * @throws NullPointerException if a part is missing
		 */
		public MethodRef {
			Objects.requireNonNull(owner, "owner");
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(descriptor, "descriptor");
		}
	}

	/** Whether a field is volatile. */
	public enum Volatility {
		/** Declared {@code volatile}. */
		VOLATILE,
		/** Declared, and not {@code volatile}. */
		PLAIN,
		/** The instrumenter could not read the field's declaration. */
		UNKNOWN
	}
}
