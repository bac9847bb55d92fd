package dev.frontrun.internal.instrument;

import dev.frontrun.internal.markers.MarkerIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A throw-away class loader that defines the classes of one package from the test class path, instrumented by
 * {@link FrontrunTransformer}, and delegates every other class to the test's loader. The JVM verifies what it
 * defines, stack map frames included.
 */
final class InstrumentingLoader extends ClassLoader {

	private final String packagePrefix;
	private final FrontrunTransformer transformer = new FrontrunTransformer(new ClassScope(List.of()),
			new MarkerIndex(List.of()));

	/**
	 * Creates a loader.
	 *
	 * @param packageName the package whose classes are instrumented, such as {@code example.instrument}
	 */
	InstrumentingLoader(String packageName) {
		super(InstrumentingLoader.class.getClassLoader());
		this.packagePrefix = packageName + ".";
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (!name.startsWith(packagePrefix)) {
			return super.loadClass(name, resolve);
		}
		synchronized (getClassLoadingLock(name)) {
			Class<?> type = findLoadedClass(name);
			if (type == null) {
				String internalName = name.replace('.', '/');
				byte[] original = classFile(internalName);
				byte[] instrumented = transformer.instrument(this, internalName, original);
				byte[] defined = instrumented != null ? instrumented : original;
				type = defineClass(name, defined, 0, defined.length);
			}
			if (resolve) {
				resolveClass(type);
			}
			return type;
		}
	}

	/**
	 * Calls a public method of an instrumented class by reflection.
	 *
	 * @param className the class's simple name within the package
	 * @param target the object to call it on, {@code null} for a static method
	 * @param methodName the method's name, which must not be overloaded
	 * @param arguments the arguments
	 * @return what the method returned
	 * @throws Exception what the method threw, unwrapped
	 */
	Object call(String className, Object target, String methodName, Object... arguments) throws Exception {
		Method method = methodOf(className, methodName);
		try {
			return method.invoke(target, arguments);
		} catch (InvocationTargetException e) {
			if (e.getCause() instanceof Exception exception) {
				throw exception;
			}
			throw e;
		}
	}

	/**
	 * Finds a public method of an instrumented class.
	 *
	 * @param className the class's simple name within the package
	 * @param methodName the method's name, which must not be overloaded
	 * @return the method
	 * @throws ClassNotFoundException if the class does not exist
	 */
	Method methodOf(String className, String methodName) throws ClassNotFoundException {
		for (Method method : loadClass(packagePrefix + className).getMethods()) {
			if (method.getName().equals(methodName)) {
				return method;
			}
		}
		throw new IllegalArgumentException(className + " has no public method " + methodName);
	}

	/**
	 * Creates an instance of an instrumented class with its public no-argument constructor.
	 *
	 * @param className the class's simple name within the package
	 * @return the new instance
	 * @throws ReflectiveOperationException if it cannot be created
	 */
	Object newInstance(String className) throws ReflectiveOperationException {
		return loadClass(packagePrefix + className).getConstructor().newInstance();
	}

	private byte[] classFile(String internalName) throws ClassNotFoundException {
		try (InputStream in = getParent().getResourceAsStream(internalName + ".class")) {
			if (in == null) {
				throw new ClassNotFoundException(internalName);
			}
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
