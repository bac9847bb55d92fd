package dev.frontrun.internal.report;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which test ran an exploration: its class and method, as the JUnit extension names them, or as the call stack shows
 * them when the extension is not used.
 *
 * @param className the test class's binary name
 * @param methodName the test method's name
 */
public record TestIdentity(String className, String methodName) {

	private static final Map<String, Integer> EXPLORATIONS = new ConcurrentHashMap<>();

	private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	/** Per class, whether each of its methods (name and descriptor) is a JUnit test, as far as asked. */
	private static final ClassValue<Map<String, Boolean>> TEST_METHODS = new ClassValue<>() {
		@Override
		protected Map<String, Boolean> computeValue(Class<?> type) {
			return new ConcurrentHashMap<>();
		}
	};

	private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest",
			"TestTemplate", "TestFactory", "FrontrunTest");

	/**
	 * Checks the names.
	 *
	 * @param className the test class's binary name
	 * @param methodName the test method's name
	 */
	public TestIdentity {
		Objects.requireNonNull(className, "className");
		Objects.requireNonNull(methodName, "methodName");
	}

	/**
	 * Returns the test's id, as replay files record it.
	 *
	 * @return {@code class#method}
	 */
	public String id() {
		return className + "#" + methodName;
	}

	/**
	 * Returns the test as Surefire's {@code -Dtest} selects it.
	 *
	 * @return {@code SimpleClass#method}
	 */
	public String surefireSelector() {
		String simple = className.substring(className.lastIndexOf('.') + 1);
		return simple + "#" + methodName;
	}

	/**
	 * Finds the test that called frontrun from the calling thread's stack: past frontrun's own frames, the innermost
	 * method annotated as a JUnit test, else frontrun's direct caller.
	 *
	 * @return the test, or empty when every frame is frontrun's
	 */
	public static Optional<TestIdentity> fromStack() {
		return STACK.walk(frames -> {
			Iterator<StackWalker.StackFrame> callers = frames.dropWhile(TestIdentity::isFrontrunsOwn).iterator();
			StackWalker.StackFrame directCaller = null;
			while (callers.hasNext()) {
				StackWalker.StackFrame frame = callers.next();
				directCaller = directCaller == null ? frame : directCaller;
				if (!isFramework(frame) && isTestMethod(frame)) {
					return Optional.of(new TestIdentity(frame.getClassName(), frame.getMethodName()));
				}
			}
			return Optional.ofNullable(directCaller)
					.map(frame -> new TestIdentity(frame.getClassName(), frame.getMethodName()));
		});
	}

	/**
	 * Counts an exploration of a test run without the JUnit extension, which would count per test: explorations
	 * are counted per test id for the life of the JVM.
	 *
	 * @param test the test
	 * @return the exploration's number within that test, from 1
	 */
	public static int countExploration(TestIdentity test) {
		return EXPLORATIONS.merge(test.id(), 1, Integer::sum);
	}

	private static boolean isFrontrunsOwn(StackWalker.StackFrame frame) {
		String name = frame.getClassName();
		return name.startsWith("dev.frontrun.internal.") || name.equals("dev.frontrun.Exploration")
				|| name.equals("dev.frontrun.Frontrun");
	}

	/** Whether a frame is in the JDK, JUnit or Maven, where no test method is. */
	private static boolean isFramework(StackWalker.StackFrame frame) {
		String name = frame.getClassName();
		return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
				|| name.startsWith("org.junit.") || name.startsWith("org.apache.maven.");
	}

	/** Whether a frame's method is annotated as a JUnit test; reflects once per method. */
	private static boolean isTestMethod(StackWalker.StackFrame frame) {
		return TEST_METHODS.get(frame.getDeclaringClass())
				.computeIfAbsent(frame.getMethodName() + frame.getDescriptor(), method -> annotatedAsTest(frame));
	}

	private static boolean annotatedAsTest(StackWalker.StackFrame frame) {
		try {
			Method method = frame.getDeclaringClass().getDeclaredMethod(frame.getMethodName(),
					frame.getMethodType().parameterArray());
			for (Annotation annotation : method.getDeclaredAnnotations()) {
				if (TEST_ANNOTATIONS.contains(annotation.annotationType().getSimpleName())) {
					return true;
				}
			}
		} catch (NoSuchMethodException | RuntimeException | LinkageError e) {
			// not a plain method (a constructor, a lambda's synthetic frame...): not a test
		}
		return false;
	}
}
