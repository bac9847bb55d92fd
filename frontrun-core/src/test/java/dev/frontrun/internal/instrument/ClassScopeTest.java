package dev.frontrun.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassScopeTest {

	private final ClassLoader app = ClassScopeTest.class.getClassLoader();

	private static ProtectionDomain from(String location) throws Exception {
		return new ProtectionDomain(new CodeSource(new URL(location), (Certificate[]) null), null);
	}

	@Test
	void projectClassesFromClassDirectoriesAreInScope() throws Exception {
		ClassScope scope = new ClassScope(List.of());
		assertTrue(scope.includes(app, "com/acme/Account", from("file:/p/target/classes/")));
		assertTrue(scope.includes(app, "com/acme/AccountTest", from("file:/p/target/test-classes/")));
	}

	@Test
	void libraryClassesFromJarsAreNotUnlessTraced() throws Exception {
		ProtectionDomain jar = from("file:/m2/org/lib/lib-1.0.jar");
		assertFalse(new ClassScope(List.of()).includes(app, "org/lib/cache/Cache", jar));
		assertTrue(new ClassScope(List.of("org.lib.*")).includes(app, "org/lib/cache/Cache", jar));
		assertTrue(new ClassScope(List.of("org.lib.cache.?ache")).includes(app, "org/lib/cache/Cache", jar));
		assertFalse(new ClassScope(List.of("org.lib.cache.?ache")).includes(app, "org/lib/cache/Caches", jar));
	}

	@Test
	void theJdkFrontrunAndTestFrameworksNeverAre() throws Exception {
		ClassScope scope = new ClassScope(List.of("*"));
		ProtectionDomain dir = from("file:/p/target/classes/");
		for (String name : List.of("java/util/HashMap", "dev/frontrun/TraceExecutor", "org/junit/jupiter/api/Test",
				"org/assertj/core/api/Assertions", "org/mockito/Mockito", "org/apache/maven/surefire/booter/ForkedBooter")) {
			assertFalse(scope.includes(app, name, dir), name);
		}
		assertFalse(scope.includes(null, "com/acme/Boot", dir), "bootstrap classes");
		assertFalse(scope.includes(ClassLoader.getPlatformClassLoader(), "com/acme/Platform", dir), "platform classes");
	}

	@Test
	void excludedPackagesAreNotInScopeEvenFromClassDirectoriesOrTraced() throws Exception {
		ClassScope scope = new ClassScope(List.of("org.lib.*"), List.of("com.acme.hidden.*", "org.lib.internal.*"));
		ProtectionDomain dir = from("file:/p/target/classes/");
		assertFalse(scope.includes(app, "com/acme/hidden/Stock", dir));
		assertTrue(scope.includes(app, "com/acme/Account", dir));
		ProtectionDomain jar = from("file:/m2/org/lib/lib-1.0.jar");
		assertFalse(scope.includes(app, "org/lib/internal/Pool", jar), "an exclusion wins over tracePackages");
		assertTrue(scope.includes(app, "org/lib/Cache", jar));
	}

	@Test
	void wideningNamesTheMatchingClassesAlreadyLoadedFromJars() throws Exception {
		ClassScope scope = new ClassScope(List.of());
		Class<?> fromJar = defineFrom("file:/m2/lib/lib-1.0.jar", example.markers.Counter.class);
		Class<?> fromDirectory = example.bank.BankAccount.class;
		assertEquals(List.of("example.markers.Counter"),
				scope.widen(List.of("example.*"), new Class<?>[] { fromJar, fromDirectory, String.class }));
		assertTrue(scope.includes(app, "example/markers/Later", from("file:/m2/lib/lib-1.0.jar")),
				"classes loaded from now on are in");
		assertEquals(List.of(), scope.widen(List.of("example.*"), new Class<?>[] { fromJar }), "nothing new");
	}

	/** Defines a copy of a class in a new loader, as if it came from the given location. */
	private static Class<?> defineFrom(String location, Class<?> original) throws Exception {
		byte[] bytes;
		try (var in = original.getResourceAsStream(original.getSimpleName() + ".class")) {
			bytes = in.readAllBytes();
		}
		ProtectionDomain domain = from(location);
		return new ClassLoader(null) {
			Class<?> define() {
				return defineClass(original.getName(), bytes, 0, bytes.length, domain);
			}
		}.define();
	}
}
