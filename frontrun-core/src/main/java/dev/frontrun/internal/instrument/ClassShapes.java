package dev.frontrun.internal.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;

/**
 * Finds and caches the shapes of the classes that instrumented code refers to, by reading their class files
 * through the class loader of the class being instrumented, without loading them.
 *
 * <p>JDK classes ({@code java/} and {@code jdk/}) are the same for every loader and are cached once; other
 * classes are cached per loader, which the cache does not keep alive.
 */
final class ClassShapes {

	private final Map<String, Optional<ClassShape>> jdk = new ConcurrentHashMap<>();
	private final Map<ClassLoader, Map<String, Optional<ClassShape>>> byLoader = Collections
			.synchronizedMap(new WeakHashMap<>());

	/**
	 * Finds a class's shape.
	 *
	 * @param loader the loader that resolves the name, {@code null} for the bootstrap loader
	 * @param internalName the class's internal name; array descriptors have no shape
	 * @return the shape, or empty when the class file cannot be found or read
	 */
	Optional<ClassShape> find(ClassLoader loader, String internalName) {
		if (internalName.startsWith("[")) {
			return Optional.empty();
		}
		boolean isJdk = internalName.startsWith("java/") || internalName.startsWith("jdk/");
		ClassLoader resolver = loader == null || isJdk ? ClassLoader.getPlatformClassLoader() : loader;
		Map<String, Optional<ClassShape>> cache = isJdk ? jdk
				: byLoader.computeIfAbsent(resolver, any -> new ConcurrentHashMap<>());
		Optional<ClassShape> shape = cache.get(internalName);
		if (shape == null) {
			// read outside the map: finding a resource may load and so instrument another class meanwhile
			shape = read(resolver, internalName);
			cache.putIfAbsent(internalName, shape);
		}
		return shape;
	}

	private static Optional<ClassShape> read(ClassLoader loader, String internalName) {
		URL location = loader.getResource(internalName + ".class");
		if (location == null) {
			return Optional.empty();
		}
		try (InputStream in = location.openStream()) {
			ClassReader reader = new ClassReader(in);
			return Optional.of(ClassSurvey.shapeOf(reader, "file".equals(location.getProtocol())));
		} catch (IOException | RuntimeException unreadable) {
			return Optional.empty();
		}
	}
}
