package dev.frontrun.internal.instrument;

import dev.frontrun.internal.runtime.Site;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

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
		return sites.any() || !bridges.isEmpty();
	}

	/** A bridge to add, and the method reference it serves. */
	private record Bridge(String name, String descriptor, Handle target, String methodName, int line) {
	}

	private final Map<Handle, Bridge> bridges = new LinkedHashMap<>();
	private boolean isInterface;
	private int bridgeAccess = Opcodes.ACC_PRIVATE;

	@Override
	public void visit(int version, int access, String name, String signature, String superName,
			String[] interfaces) {
		isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
		// before Java 9, the methods of an interface are public
		bridgeAccess = isInterface && (version & 0xFFFF) < Opcodes.V9 ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE;
		super.visit(version, access, name, signature, superName, interfaces);
	}

	/** Plans a bridge for a method reference; see {@link HookInserter.MethodReferences}. */
	private Handle bridge(Handle target, String methodName, int line) {
		Bridge bridge = bridges.computeIfAbsent(target, t -> {
			String descriptor = "(L" + t.getOwner() + ";" + t.getDesc().substring(1);
			if (t.getOwner().startsWith("[")) {
				descriptor = "(" + t.getOwner() + t.getDesc().substring(1);
			}
			return new Bridge("frontrun$ref$" + bridges.size(), descriptor, t, methodName, line);
		});
		return new Handle(Opcodes.H_INVOKESTATIC, survey.shape().name(), bridge.name(), bridge.descriptor(),
				isInterface);
	}

	@Override
	public void visitEnd() {
		for (Bridge bridge : bridges.values()) {
			MethodVisitor writer = super.visitMethod(bridgeAccess | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
					bridge.name(), bridge.descriptor(), null, null);
			Type[] arguments = Type.getArgumentTypes(bridge.descriptor());
			int slots = 0;
			for (Type argument : arguments) {
				slots += argument.getSize();
			}
			MethodVisitor code = new HookInserter(writer, sites, bridge.methodName(),
					new MethodFacts(slots, bridge.line(), false), classes, rules, true);
			code.visitCode();
			if (bridge.line() != Site.UNKNOWN_LINE) {
				Label start = new Label();
				code.visitLabel(start);
				code.visitLineNumber(bridge.line(), start);
			}
			int slot = 0;
			for (Type argument : arguments) {
				code.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
				slot += argument.getSize();
			}
			Handle target = bridge.target();
			code.visitMethodInsn(target.getTag() == Opcodes.H_INVOKEINTERFACE ? Opcodes.INVOKEINTERFACE
					: Opcodes.INVOKEVIRTUAL, target.getOwner(), target.getName(), target.getDesc(),
					target.isInterface());
			code.visitInsn(Type.getReturnType(target.getDesc()).getOpcode(Opcodes.IRETURN));
			code.visitMaxs(0, 0);
			code.visitEnd();
		}
		super.visitEnd();
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
				survey.version() >= Opcodes.V1_7).bridgingMethodReferences(this::bridge);
		return wrap ? new SynchronizedMethodWrapper(hooks, survey.shape().name(), isStatic, facts.firstLine(),
				survey.version() >= Opcodes.V1_6) : hooks;
	}
}
