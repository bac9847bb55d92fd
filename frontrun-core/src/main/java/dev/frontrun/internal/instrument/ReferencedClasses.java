package dev.frontrun.internal.instrument;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the instrumenter knows about the classes that the instructions of the class it instruments name: which
 * are instrumented, which extend a given class, whose code a call runs, and the modifiers of the fields that
 * field instructions name.
 */
final class ReferencedClasses {

	/** Deeper hierarchies are taken as unknown, which also stops on a cycle in broken class files. */
	private static final int MAX_DEPTH = 64;

	private static final String OBJECT = "java/lang/Object";

	private final ClassShapes shapes;
	private final ClassScope scope;
	private final ClassLoader loader;
	private final ClassShape self;

	/**
	 * Creates the view of one class being instrumented.
	 *
	 * @param shapes where other classes' shapes come from
	 * @param scope which classes are instrumented
	 * @param loader the loader of the class being instrumented, which resolves the names in it
	 * @param self the shape of the class being instrumented
	 */
	ReferencedClasses(ClassShapes shapes, ClassScope scope, ClassLoader loader, ClassShape self) {
		this.shapes = shapes;
		this.scope = scope;
		this.loader = loader;
		this.self = self;
	}

	/**
	 * Tells whether a class is instrumented when it is loaded.
	 *
	 * @param className an internal name or an array descriptor
	 * @return {@code true} for the class being instrumented and the classes in scope; {@code false} for arrays
	 */
	boolean isInstrumented(String className) {
		if (className.equals(self.name())) {
			return true;
		}
		return !className.startsWith("[")
				&& scope.includes(className, () -> shape(className).map(ClassShape::fromClassDirectory).orElse(false));
	}

	/**
	 * Tells whether a class is, or extends, another class.
	 *
	 * @param className the internal name of the class
	 * @param ancestor the internal name of the possible superclass
	 * @return {@code true} if {@code ancestor} is on the superclass chain of {@code className}, as far as the
	 *         class files could be read
	 */
	boolean isSubclassOf(String className, String ancestor) {
		String current = className;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current.equals(ancestor)) {
				return true;
			}
			current = shape(current).map(ClassShape::superName).orElse(null);
		}
		return false;
	}

	/**
	 * Tells whether a virtual or interface call runs code that frontrun does not instrument: a method of an
	 * uninstrumented class, or one that an instrumented class inherits from an uninstrumented superclass (a user
	 * class that extends {@code HashMap}). Methods inherited from {@code Object} do not count, and nor do calls
	 * through an instrumented interface, whose implementation cannot be told statically.
	 *
	 * @param owner the class or interface the call names
	 * @param name the method's name
	 * @param descriptor the method's descriptor
	 * @return {@code true} if the call runs uninstrumented code on its receiver
	 */
	boolean callRunsUninstrumentedCode(String owner, String name, String descriptor) {
		if (!isInstrumented(owner)) {
			return true;
		}
		String key = ClassShape.memberKey(name, descriptor);
		String current = owner;
		for (int depth = 0; depth < MAX_DEPTH; depth++) {
			Optional<ClassShape> shape = shape(current);
			if (shape.isEmpty() || shape.get().implementedMethods().contains(key)) {
				return false;
			}
			current = shape.get().superName();
			if (current == null || current.equals(OBJECT)) {
				return false;
			}
			if (!isInstrumented(current)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Finds the access flags of the field that a field instruction names, resolving it as the JVM does: in the
	 * named class, then its superinterfaces, then its superclass.
	 *
	 * @param owner the class the instruction names
	 * @param name the field's name
	 * @param descriptor the field's type
	 * @return the flags, or empty when a class file on the way could not be read
	 */
	OptionalInt fieldAccess(String owner, String name, String descriptor) {
		return fieldAccess(owner, ClassShape.memberKey(name, descriptor), 0);
	}

	private OptionalInt fieldAccess(String className, String key, int depth) {
		Optional<ClassShape> found = depth < MAX_DEPTH ? shape(className) : Optional.empty();
		if (found.isEmpty()) {
			return OptionalInt.empty();
		}
		ClassShape shape = found.get();
		Integer declared = shape.fieldAccess().get(key);
		if (declared != null) {
			return OptionalInt.of(declared);
		}
		for (String superInterface : shape.interfaces()) {
			OptionalInt inherited = fieldAccess(superInterface, key, depth + 1);
			if (inherited.isPresent()) {
				return inherited;
			}
		}
		return shape.superName() == null ? OptionalInt.empty() : fieldAccess(shape.superName(), key, depth + 1);
	}

	private Optional<ClassShape> shape(String className) {
		return className.equals(self.name()) ? Optional.of(self) : shapes.find(loader, className);
	}
}
