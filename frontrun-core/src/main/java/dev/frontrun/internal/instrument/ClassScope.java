package dev.frontrun.internal.instrument;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Decides which classes the agent instruments.
 *
 * <p>By default: the project's own classes, main and test, recognised by being loaded from a class directory
 * rather than a jar. Never: the JDK, frontrun itself, and the test frameworks and tools around a test (JUnit,
 * AssertJ, Mockito, Hamcrest, Surefire and Maven). {@code frontrun.tracePackages} globs add library classes;
 * {@code frontrun.excludePackages} globs take classes out, even the project's own, which then behave as library
 * code that frontrun cannot see into (calls into them are reads or writes of their receiver). An exclusion wins
 * over an inclusion.
 */
public final class ClassScope {

	private static final List<String> NEVER = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
			"dev/frontrun/", "org/junit/", "junit/", "org/opentest4j/", "org/apiguardian/", "org/assertj/",
			"org/mockito/", "net/bytebuddy/", "org/objenesis/", "org/hamcrest/", "org/apache/maven/",
			"org/objectweb/asm/");

	private volatile List<Pattern> tracePackages;
	private final List<Pattern> excludePackages;

	/**
	 * Creates a scope.
	 *
	 * @param tracePackages globs of dotted class names, such as {@code com.acme.*}, instrumented even when they
	 *        come from a jar
	 */
	public ClassScope(List<String> tracePackages) {
		this(tracePackages, List.of());
	}

	/**
	 * Creates a scope with exclusions.
	 *
	 * @param tracePackages globs of dotted class names, such as {@code com.acme.*}, instrumented even when they
	 *        come from a jar
	 * @param excludePackages globs of dotted class names never instrumented, even from the project's classes
	 */
	public ClassScope(List<String> tracePackages, List<String> excludePackages) {
		this.tracePackages = tracePackages.stream().map(ClassScope::globToPattern).toList();
		this.excludePackages = excludePackages.stream().map(ClassScope::globToPattern).toList();
	}

	/**
	 * Adds globs of classes to instrument from now on, as an exploration's {@code tracePackages} asks.
	 *
	 * @param globs globs of dotted class names
	 * @param loaded the classes loaded so far
	 * @return the names of the loaded classes that the globs take in but that were loaded uninstrumented: too late
	 *         for them, since a loaded class is not rewritten again
	 */
	public List<String> widen(List<String> globs, Class<?>[] loaded) {
		ClassScope before = new ClassScope(List.of(), List.of());
		before.tracePackages = tracePackages;
		List<Pattern> widened = new ArrayList<>(tracePackages);
		globs.stream().map(ClassScope::globToPattern).forEach(widened::add);
		tracePackages = List.copyOf(widened);
		List<String> late = new ArrayList<>();
		for (Class<?> type : loaded) {
			String internalName = type.getName().replace('.', '/');
			if (!type.isArray() && !type.isHidden() && includes(type.getClassLoader(), internalName,
					type.getProtectionDomain()) && !before.includes(type.getClassLoader(), internalName,
							type.getProtectionDomain())) {
				late.add(type.getName());
			}
		}
		late.sort(null);
		return late;
	}

	/**
	 * Tells whether a class being loaded is instrumented.
	 *
	 * @param loader the defining loader, {@code null} for the bootstrap loader
	 * @param internalName the class's internal name, such as {@code com/acme/Account}
	 * @param domain the class's protection domain, may be {@code null}
	 * @return {@code true} to instrument it
	 */
	public boolean includes(ClassLoader loader, String internalName, ProtectionDomain domain) {
		if (internalName == null || loader == null || loader == ClassLoader.getPlatformClassLoader()) {
			return false;
		}
		return includes(internalName, () -> isFromClassDirectory(domain));
	}

	/**
	 * Tells whether a class that instrumented code names, and that may not be loaded yet, is instrumented when
	 * it is loaded, by the same rules as {@link #includes(ClassLoader, String, ProtectionDomain)}.
	 *
	 * @param internalName the class's internal name
	 * @param fromClassDirectory tells whether the class file comes from a directory rather than a jar; asked
	 *        only when the name alone does not decide
	 * @return {@code true} if the class is instrumented
	 */
	public boolean includes(String internalName, BooleanSupplier fromClassDirectory) {
		for (String prefix : NEVER) {
			if (internalName.startsWith(prefix)) {
				return false;
			}
		}
		String name = internalName.replace('/', '.');
		for (Pattern glob : excludePackages) {
			if (glob.matcher(name).matches()) {
				return false;
			}
		}
		for (Pattern glob : tracePackages) {
			if (glob.matcher(name).matches()) {
				return true;
			}
		}
		return fromClassDirectory.getAsBoolean();
	}

	private static boolean isFromClassDirectory(ProtectionDomain domain) {
		CodeSource source = domain == null ? null : domain.getCodeSource();
		URL location = source == null ? null : source.getLocation();
		return location != null && "file".equals(location.getProtocol()) && location.getPath().endsWith("/");
	}

	private static Pattern globToPattern(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.toCharArray()) {
			switch (c) {
			case '*' -> regex.append(".*");
			case '?' -> regex.append('.');
			default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}
}
