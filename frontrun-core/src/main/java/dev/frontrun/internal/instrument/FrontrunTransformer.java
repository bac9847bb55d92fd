package dev.frontrun.internal.instrument;

import dev.frontrun.internal.agent.AgentLog;
import dev.frontrun.internal.markers.MarkerIndex;
import dev.frontrun.internal.markers.SourceMarkers;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * The agent's class file transformer: instruments the classes in scope, and loads any class it fails to
 * instrument unchanged, after one warning, so that the agent never breaks a test JVM.
 */
public final class FrontrunTransformer implements ClassFileTransformer {

	private final ClassScope scope;
	private final MarkerIndex markers;
	private final ClassShapes shapes = new ClassShapes();

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
			return instrument(loader, className, classfileBuffer);
		} catch (RuntimeException | LinkageError e) {
			AgentLog.warn("could not instrument " + className.replace('/', '.') + ", loading it unchanged: " + e);
			return null;
		}
	}

	/**
	 * Instruments one class: hooks on its shared accesses and synchronization, and gates on its marked lines.
	 *
	 * @param loader the class's defining loader, which resolves the classes it names
	 * @param className the class's internal name
	 * @param classfile the class file
	 * @return the new class file, or {@code null} when nothing changed
	 */
	byte[] instrument(ClassLoader loader, String className, byte[] classfile) {
		ClassReader reader = new ClassReader(classfile);
		ClassSurvey survey = ClassSurvey.ofInstrumented(reader);
		ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
		AccessInstrumenter accesses = new AccessInstrumenter(writer, survey,
				new ReferencedClasses(shapes, scope, loader, survey.shape()));
		SourceMarkers gates = markers.forClass(className, survey.sourceFile());
		MarkerInjector injector = gates.isEmpty() ? null : new MarkerInjector(accesses, gates);
		reader.accept(injector != null ? injector : accesses, 0);
		boolean changed = accesses.changed() || injector != null && injector.injected();
		return changed ? writer.toByteArray() : null;
	}
}
