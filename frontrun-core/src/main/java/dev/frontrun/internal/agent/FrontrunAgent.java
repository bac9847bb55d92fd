package dev.frontrun.internal.agent;

import dev.frontrun.Frontrun;
import dev.frontrun.internal.instrument.ClassScope;
import dev.frontrun.internal.instrument.FrontrunTransformer;
import dev.frontrun.internal.instrument.JdkTransformer;
import dev.frontrun.internal.markers.MarkerIndex;
import dev.frontrun.internal.runtime.AgentRuntime;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The java agent's entry point ({@code -javaagent:frontrun-core-<version>-agent.jar}).
 *
 * <p>The agent jar's {@code Boot-Class-Path} names the jar itself, so this class and the whole runtime are
 * loaded by the bootstrap class loader, once, however the test class path is built, and JDK classes can call
 * the hooks. If the jar was renamed, that entry finds nothing; the agent then appends itself to the bootstrap
 * search at run time and starts from there.
 */
public final class FrontrunAgent {

	private static final String SHADED_ASM = "dev/frontrun/internal/shaded/asm/ClassReader.class";

	private FrontrunAgent() {
	}

	/**
	 * Called by the JVM before {@code main}.
	 *
	 * @param arguments the text after {@code =} in {@code -javaagent}; frontrun takes its options from
	 *        system properties instead, and ignores it
	 * @param instrumentation the JVM's instrumentation
	 * @throws Exception if the agent cannot start; the JVM then stops with the message
	 */
	public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
		if (FrontrunAgent.class.getClassLoader() == null) {
			install(instrumentation);
			return;
		}
		Path jar = Path.of(FrontrunAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (JarFile probe = new JarFile(jar.toFile())) {
			if (probe.getEntry(SHADED_ASM) == null) {
				throw new IllegalStateException("The frontrun agent was loaded from " + jar
						+ ", which is not the agent jar: pass the jar with classifier 'agent' to -javaagent");
			}
		}
		instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
		Class.forName(FrontrunAgent.class.getName(), true, null).getMethod("install", Instrumentation.class)
				.invoke(null, instrumentation);
	}

	/**
	 * Starts the runtime: reads the options, registers the transformer, announces the agent.
	 *
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void install(Instrumentation instrumentation) {
		AgentOptions options = AgentOptions.from(System.getProperties());
		MarkerIndex markers = AgentRuntime.activate(options);
		ClassScope scope = new ClassScope(options.tracePackages(), options.excludePackages());
		AgentRuntime.instrumenting(scope, instrumentation);
		instrumentation.addTransformer(new FrontrunTransformer(scope, markers));
		instrumentJdk(instrumentation);
		System.setProperty(Frontrun.AGENT_VERSION_PROPERTY, AgentRuntime.version());
	}

	/**
	 * Lets frontrun's runtime read the JDK internals it models (the sync of a lock, the field of an updater), and
	 * rewrites the JDK classes that {@link JdkTransformer} targets: those loaded already, now, and the others as they
	 * load. A failure leaves the JDK as it is, with a warning: explorations then see less.
	 */
	private static void instrumentJdk(Instrumentation instrumentation) {
		Module self = FrontrunAgent.class.getModule();
		Module base = Object.class.getModule();
		try {
			Set<Module> us = Set.of(self);
			instrumentation.redefineModule(base, us, Map.of("jdk.internal.misc", us),
					Map.of("java.util.concurrent", us, "java.util.concurrent.locks", us,
							"java.util.concurrent.atomic", us, "java.lang.invoke", us, "java.lang", us),
					Set.of(), Map.of());
		} catch (RuntimeException e) {
			AgentLog.warn("could not open java.base to frontrun: " + e);
		}
		instrumentation.addTransformer(new JdkTransformer(), true);
		List<Class<?>> loaded = JdkTransformer.toRetransform(instrumentation.getAllLoadedClasses(),
				instrumentation::isModifiableClass);
		try {
			instrumentation.retransformClasses(loaded.toArray(Class<?>[]::new));
		} catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
			AgentLog.warn("could not instrument the JDK's concurrency classes: " + e);
		}
	}
}
