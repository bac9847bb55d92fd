package dev.frontrun.internal.instrument;

import dev.frontrun.internal.runtime.Site;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads a class file once, before it is rewritten or when its shape is needed: its {@link ClassShape}, its
 * version and source file, and the {@link MethodFacts} of each method.
 */
final class ClassSurvey extends ClassVisitor {

	private final boolean fromClassDirectory;
	private final Map<String, Integer> fieldAccess = new HashMap<>();
	private final Set<String> implementedMethods = new HashSet<>();
	private final Map<String, MethodFacts> methods = new HashMap<>();
	private String name;
	private String superName;
	private List<String> interfaces = List.of();
	private int version;
	private String sourceFile;

	private ClassSurvey(boolean fromClassDirectory) {
		super(Opcodes.ASM9);
		this.fromClassDirectory = fromClassDirectory;
	}

	/**
	 * Surveys a class about to be instrumented, its methods' code included.
	 *
	 * @param reader the class file
	 * @return the survey
	 */
	static ClassSurvey ofInstrumented(ClassReader reader) {
		ClassSurvey survey = new ClassSurvey(true);
		reader.accept(survey, ClassReader.SKIP_FRAMES);
		return survey;
	}

	/**
	 * Reads the shape of a class that instrumented code refers to, skipping its code.
	 *
	 * @param reader the class file
	 * @param fromClassDirectory whether the class file was found in a directory
	 * @return the shape
	 */
	static ClassShape shapeOf(ClassReader reader, boolean fromClassDirectory) {
		ClassSurvey survey = new ClassSurvey(fromClassDirectory);
		reader.accept(survey, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return survey.shape();
	}

	/**
	 * Returns the class's shape.
	 *
	 * @return the shape
	 */
	ClassShape shape() {
		return new ClassShape(name, superName, interfaces, fieldAccess, implementedMethods, fromClassDirectory);
	}

	/**
	 * Returns the class file's major version.
	 *
	 * @return such as {@link Opcodes#V17}
	 */
	int version() {
		return version & 0xFFFF;
	}

	/**
	 * Returns the source file the class was compiled from.
	 *
	 * @return the file name, or {@code null} when the class file does not say
	 */
	String sourceFile() {
		return sourceFile;
	}

	/**
	 * Returns what the survey found about a method that has code.
	 *
	 * @param methodName the method's name
	 * @param descriptor the method's descriptor
	 * @return the facts
	 * @throws IllegalArgumentException if the class has no such method with code
	 */
	MethodFacts method(String methodName, String descriptor) {
		MethodFacts facts = methods.get(ClassShape.memberKey(methodName, descriptor));
		if (facts == null) {
			throw new IllegalArgumentException("No code for " + name + "." + methodName + descriptor);
		}
		return facts;
	}

	@Override
	public void visit(int classVersion, int access, String className, String signature, String superClass,
			String[] superInterfaces) {
		version = classVersion;
		name = className;
		superName = superClass;
		interfaces = superInterfaces == null ? List.of() : List.of(superInterfaces);
	}

	@Override
	public void visitSource(String source, String debug) {
		sourceFile = source;
	}

	@Override
	public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature,
			Object value) {
		fieldAccess.put(ClassShape.memberKey(fieldName, descriptor), access);
		return null;
	}

	@Override
	public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
			String[] exceptions) {
		if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
			return null;
		}
		String key = ClassShape.memberKey(methodName, descriptor);
		implementedMethods.add(key);
		return new FactCollector(key);
	}

	/** Collects the facts of one method's code. */
	private final class FactCollector extends MethodVisitor {

		private final String key;
		private int firstLine = Site.UNKNOWN_LINE;
		private boolean assignsSlotZero;

		FactCollector(String key) {
			super(Opcodes.ASM9);
			this.key = key;
		}

		@Override
		public void visitLineNumber(int line, Label start) {
			if (firstLine == Site.UNKNOWN_LINE) {
				firstLine = line;
			}
		}

		@Override
		public void visitVarInsn(int opcode, int varIndex) {
			assignsSlotZero |= varIndex == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
		}

		@Override
		public void visitIincInsn(int varIndex, int increment) {
			assignsSlotZero |= varIndex == 0;
		}

		@Override
		public void visitMaxs(int maxStack, int maxLocals) {
			methods.put(key, new MethodFacts(maxLocals, firstLine, assignsSlotZero));
		}
	}
}
