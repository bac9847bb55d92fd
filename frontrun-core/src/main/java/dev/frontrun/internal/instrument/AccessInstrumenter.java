package dev.frontrun.internal.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Instruments every method of a class that has code, so that the explorer sees its shared accesses and its
 * synchronization: a {@link HookInserter} per method, behind a {@link SynchronizedMethodWrapper} for
 * {@code synchronized} methods, whose flag it removes.
 *
 * <p>A {@code synchronized} method keeps its flag, and is instrumented without monitor hooks, when its monitor
 * cannot be taken explicitly: an instance method whose code assigns local variable 0 (never {@code javac}'s),
 * or a static method of a class file older than Java 5, which cannot load a class constant.
 */
final class AccessInstrumenter extends ClassVisitor {

	private final ClassSurvey survey;
	private final ReferencedClasses classes;
	private final CallRules rules;
	private final ClassSites sites;

	/**
	 * Creates the instrumenter of one class.
	 *
	 * @param next the visitor that writes the class
	 * @param survey what a first reading of the class found
	 * @param classes what is known about the classes it names
	 */
	AccessInstrumenter(ClassVisitor next, ClassSurvey survey, ReferencedClasses classes) {
		super(Opcodes.ASM9, next);
		this.survey = survey;
		this.classes = classes;
		this.rules = new CallRules(classes);
		this.sites = new ClassSites(survey.shape().name(), survey.sourceFile());
	}

	/**
	 * Tells whether the class changed.
	 *
	 * @return {@code true} once a hook was inserted
	 */
	boolean changed() {
		return sites.any();
	}

	@Override
	public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
			String[] exceptions) {
		if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
			return super.visitMethod(access, name, descriptor, signature, exceptions);
		}
		MethodFacts facts = survey.method(name, descriptor);
		boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
		boolean wrap = (access & Opcodes.ACC_SYNCHRONIZED) != 0
				&& (isStatic ? survey.version() >= Opcodes.V1_5 : !facts.assignsSlotZero());
		int rewrittenAccess = wrap ? access & ~Opcodes.ACC_SYNCHRONIZED : access;
		MethodVisitor writer = super.visitMethod(rewrittenAccess, name, descriptor, signature, exceptions);
		MethodVisitor hooks = new HookInserter(writer, sites, name, facts, classes, rules,
				survey.version() >= Opcodes.V1_7);
		return wrap ? new SynchronizedMethodWrapper(hooks, survey.shape().name(), isStatic, facts.firstLine(),
				survey.version() >= Opcodes.V1_6) : hooks;
	}
}
