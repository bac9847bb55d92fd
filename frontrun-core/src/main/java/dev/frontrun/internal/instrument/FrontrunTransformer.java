package dev.frontrun.internal.instrument;

import dev.frontrun.internal.agent.AgentLog;
import dev.frontrun.internal.markers.MarkerIndex;
import dev.frontrun.internal.markers.SourceMarkers;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The agent's class file transformer: instruments the classes in scope, and loads any class it fails to
 * instrument unchanged, after one warning, so that the agent never breaks a test JVM.
 */
public final class FrontrunTransformer implements ClassFileTransformer {

	private final ClassScope scope;
	private final MarkerIndex markers;

	/**
	 * Creates the transformer.
	 *
	 * @param scope which classes to instrument
	 * @param markers where the trace markers are
	 */
	public FrontrunTransformer(ClassScope scope, MarkerIndex markers) {
		this.scope = scope;
		this.markers = markers;
	}

	@Override
	public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
			ProtectionDomain protectionDomain, byte[] classfileBuffer) {
		if (classBeingRedefined != null || !scope.includes(loader, className, protectionDomain)) {
			return null;
		}
		try {
			return instrument(className, classfileBuffer);
		} catch (RuntimeException | LinkageError e) {
			AgentLog.warn("could not instrument " + className.replace('/', '.') + ", loading it unchanged: " + e);
			return null;
		}
	}

	/**
	 * Instruments one class.
	 *
	 * @param className the class's internal name
	 * @param classfile the class file
	 * @return the new class file, or {@code null} when nothing changed
	 */
	byte[] instrument(String className, byte[] classfile) {
		ClassReader reader = new ClassReader(classfile);
		SourceMarkers gates = markers.forClass(className, sourceFileOf(reader));
		if (gates.isEmpty()) {
			return null;
		}
		ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
		MarkerInjector injector = new MarkerInjector(writer, gates);
		reader.accept(injector, 0);
		return injector.injected() ? writer.toByteArray() : null;
	}

	private static String sourceFileOf(ClassReader reader) {
		String[] source = new String[1];
		reader.accept(new ClassVisitor(Opcodes.ASM9) {
			@Override
			public void visitSource(String file, String debug) {
				source[0] = file;
			}
		}, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
		return source[0];
	}
}
