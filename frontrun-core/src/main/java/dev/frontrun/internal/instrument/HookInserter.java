package dev.frontrun.internal.instrument;

import dev.frontrun.internal.instrument.CallRules.Replacement;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.Site.FieldRef;
import dev.frontrun.internal.runtime.Site.MethodRef;
import dev.frontrun.internal.runtime.Site.Volatility;
import dev.frontrun.internal.runtime.SiteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Inserts the {@code Hooks} calls into one method: before field, array and monitor-enter instructions, after
 * monitor exits, around calls into uninstrumented code, and in place of waits, notifications and thread
 * operations.
 *
 * <p>Hooks get their operands by duplicating them on the operand stack, so values of every size stay intact.
 * Only calls with arguments need temporaries: the arguments go to local variables above the method's own,
 * between the call's preceding instruction and the call, where no stack map frame can fall, so frames never
 * mention them. No branch is inserted, so the method's frames stay valid.
 *
 * <p>The hook after a {@code MONITOREXIT} goes after the label that follows it, when one does and no stack map
 * frame is there: {@code javac} ends the exception range that releases the monitor at that label, and its
 * handler covers itself, so a hook that threw inside the range would make the handler release the monitor again,
 * fail, and jump to itself forever. A label with no frame is no jump target (class files from Java 7 on have a
 * frame at each), so the monitor object can wait on the stack across it; in older class files the hook follows
 * the instruction directly.
 *
 * <p>In a constructor, writes before the {@code super(...)} or {@code this(...)} call are not reported: they
 * write the uninitialized {@code this} (the outer instance of an inner class, for one), or another object, which
 * is rare; the uninitialized {@code this} cannot be passed to a hook. That call is found as the first
 * {@code INVOKESPECIAL <init>} not paired with a {@code NEW} before it.
 */
final class HookInserter extends MethodVisitor {

	private static final String HOOKS = "dev/frontrun/internal/runtime/Hooks";
	private static final String OBJECT_INT = "(Ljava/lang/Object;I)V";
	private static final String ARRAY_INDEX_INT = "(Ljava/lang/Object;II)V";
	private static final int NO_SITE = -1;

	private final ClassSites sites;
	private final String methodName;
	private final int firstFreeLocal;
	private final ReferencedClasses classes;
	private static final Set<String> ATOMIC_ARRAYS = Set.of("java/util/concurrent/atomic/AtomicIntegerArray",
			"java/util/concurrent/atomic/AtomicLongArray", "java/util/concurrent/atomic/AtomicReferenceArray");

	/** Handles on fields and array elements, whose calls take the object (or array, and index) first. */
	private static final Set<String> FIELD_HANDLES = Set.of("java/lang/invoke/VarHandle",
			"java/util/concurrent/atomic/AtomicIntegerFieldUpdater", "java/util/concurrent/atomic/AtomicLongFieldUpdater",
			"java/util/concurrent/atomic/AtomicReferenceFieldUpdater");

	private final CallRules rules;
	private final boolean defersExitHooks;
	private MethodReferences methodReferences;
	private final List<Held> held = new ArrayList<>();
	private int line = Site.UNKNOWN_LINE;
	private boolean thisInitialized;
	private int pendingNews;
	private int pendingExitSite = NO_SITE;

	/**
	 * Creates the inserter of one method.
	 *
	 * @param next the visitor that writes the method
	 * @param sites where the method's sites are registered
	 * @param methodName the method's name
	 * @param facts what the survey found about the method
	 * @param classes what is known about the classes the method names
	 * @param rules what to do at calls
	 * @param defersExitHooks whether every jump target has a stack map frame (class files from Java 7 on), so
	 *        that monitor-exit hooks can move past the label that follows the exit
	 */
	HookInserter(MethodVisitor next, ClassSites sites, String methodName, MethodFacts facts,
			ReferencedClasses classes, CallRules rules, boolean defersExitHooks) {
		super(Opcodes.ASM9, next);
		this.sites = sites;
		this.methodName = methodName;
		this.firstFreeLocal = facts.maxLocals();
		this.classes = classes;
		this.rules = rules;
		this.defersExitHooks = defersExitHooks;
		this.thisInitialized = !methodName.equals("<init>");
	}

	/**
	 * Lets method references to uninstrumented code be bridged.
	 *
	 * @param references makes the bridges
	 * @return this inserter
	 */
	HookInserter bridgingMethodReferences(MethodReferences references) {
		this.methodReferences = references;
		return this;
	}

	/** A label, or a line number when {@code line} is not {@link Site#UNKNOWN_LINE}, held back after an exit. */
	private record Held(Label label, int line) {
	}

	@Override
	public void visitLabel(Label label) {
		if (pendingExitSite == NO_SITE) {
			super.visitLabel(label);
		} else {
			held.add(new Held(label, Site.UNKNOWN_LINE));
		}
	}

	@Override
	public void visitLineNumber(int number, Label start) {
		line = number;
		if (pendingExitSite == NO_SITE) {
			super.visitLineNumber(number, start);
		} else {
			held.add(new Held(start, number));
		}
	}

	@Override
	public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
		placePendingExitHook(true);
		super.visitFrame(type, numLocal, local, numStack, stack);
	}

	@Override
	public void visitMaxs(int maxStack, int maxLocals) {
		placePendingExitHook(true);
		super.visitMaxs(maxStack, maxLocals);
	}

	/**
	 * Emits a held-back monitor-exit hook and the labels and line numbers held with it: the hook right after the
	 * first label, or before them all when a frame follows, which makes the label a possible jump target.
	 */
	private void placePendingExitHook(boolean frameFollows) {
		if (pendingExitSite == NO_SITE) {
			return;
		}
		int site = pendingExitSite;
		pendingExitSite = NO_SITE;
		boolean placed = frameFollows || held.isEmpty();
		if (placed) {
			callExitHook(site);
		}
		for (Held event : held) {
			if (event.line() == Site.UNKNOWN_LINE) {
				super.visitLabel(event.label());
				if (!placed) {
					callExitHook(site);
					placed = true;
				}
			} else {
				super.visitLineNumber(event.line(), event.label());
			}
		}
		held.clear();
	}

	private void callExitHook(int site) {
		pushInt(site);
		super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "monitorExit", OBJECT_INT, false);
	}

	/** Called first by every instruction visit: nothing held back may follow an instruction. */
	private void beforeInstruction() {
		placePendingExitHook(false);
	}

	@Override
	public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
		beforeInstruction();
		OptionalInt access = classes.fieldAccess(owner, name, descriptor);
		boolean isFinal = access.isPresent() && (access.getAsInt() & Opcodes.ACC_FINAL) != 0;
		Volatility volatility = access.isEmpty() ? Volatility.UNKNOWN
				: (access.getAsInt() & Opcodes.ACC_VOLATILE) != 0 ? Volatility.VOLATILE : Volatility.PLAIN;
		FieldRef field = new FieldRef(owner, name, descriptor, volatility);
		switch (opcode) {
		case Opcodes.GETFIELD -> {
			if (!isFinal) {
				super.visitInsn(Opcodes.DUP);
				callHook(SiteKind.FIELD_READ, field, "getField", OBJECT_INT);
			}
		}
		case Opcodes.PUTFIELD -> {
			if (thisInitialized) {
				copyObjectUnderValue(Type.getType(descriptor).getSize());
				callHook(SiteKind.FIELD_WRITE, field, "putField", OBJECT_INT);
			}
		}
		case Opcodes.GETSTATIC -> {
			if (!isFinal) {
				callHook(SiteKind.STATIC_READ, field, "getStatic", "(I)V");
			}
		}
		default -> callHook(SiteKind.STATIC_WRITE, field, "putStatic", "(I)V");
		}
		super.visitFieldInsn(opcode, owner, name, descriptor);
	}

	/** Turns [object, value] into [object, value, object], for a value of one or two slots. */
	private void copyObjectUnderValue(int valueSize) {
		if (valueSize == 1) {
			super.visitInsn(Opcodes.DUP2);
			super.visitInsn(Opcodes.POP);
		} else {
			super.visitInsn(Opcodes.DUP2_X1);
			super.visitInsn(Opcodes.POP2);
			super.visitInsn(Opcodes.DUP_X2);
		}
	}

	@Override
	public void visitInsn(int opcode) {
		beforeInstruction();
		switch (opcode) {
		case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
				Opcodes.CALOAD, Opcodes.SALOAD -> {
			super.visitInsn(Opcodes.DUP2);
			callHook(SiteKind.ARRAY_READ, null, "arrayLoad", ARRAY_INDEX_INT);
		}
		case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
				Opcodes.SASTORE -> {
			copyArrayAndIndexUnderValue(1);
			callHook(SiteKind.ARRAY_WRITE, null, "arrayStore", ARRAY_INDEX_INT);
		}
		case Opcodes.LASTORE, Opcodes.DASTORE -> {
			copyArrayAndIndexUnderValue(2);
			callHook(SiteKind.ARRAY_WRITE, null, "arrayStore", ARRAY_INDEX_INT);
		}
		case Opcodes.ARRAYLENGTH -> {
			super.visitInsn(Opcodes.DUP);
			callHook(SiteKind.ARRAY_LENGTH, null, "arrayLength", OBJECT_INT);
		}
		case Opcodes.MONITORENTER -> {
			super.visitInsn(Opcodes.DUP);
			callHook(SiteKind.MONITOR_ENTER, null, "monitorEnter", OBJECT_INT);
		}
		case Opcodes.MONITOREXIT -> {
			super.visitInsn(Opcodes.DUP);
			super.visitInsn(Opcodes.MONITOREXIT);
			int site = sites.register(methodName, line, SiteKind.MONITOR_EXIT, null);
			if (defersExitHooks) {
				pendingExitSite = site;
			} else {
				callExitHook(site);
			}
			return;
		}
		default -> {
			// not an access
		}
		}
		super.visitInsn(opcode);
	}

	/** Turns [array, index, value] into [array, index, value, array, index], for a value of one or two slots. */
	private void copyArrayAndIndexUnderValue(int valueSize) {
		if (valueSize == 1) {
			super.visitInsn(Opcodes.DUP_X2);
			super.visitInsn(Opcodes.POP);
			super.visitInsn(Opcodes.DUP2_X1);
		} else {
			super.visitInsn(Opcodes.DUP2_X2);
			super.visitInsn(Opcodes.POP2);
			super.visitInsn(Opcodes.DUP2_X2);
		}
	}

	@Override
	public void visitTypeInsn(int opcode, String type) {
		beforeInstruction();
		if (opcode == Opcodes.NEW && !thisInitialized) {
			pendingNews++;
		}
		super.visitTypeInsn(opcode, type);
	}

	@Override
	public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
		beforeInstruction();
		if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && !thisInitialized) {
			if (pendingNews > 0) {
				pendingNews--;
			} else {
				thisInitialized = true;
			}
			super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
			return;
		}
		MethodRef method = new MethodRef(owner, name, descriptor);
		Replacement replacement = rules.replacement(opcode, owner, name, descriptor);
		if (replacement != null) {
			callHook(replacement.kind(), method, replacement.hook(), replacement.hookDescriptor(descriptor));
			return;
		}
		CallRules.ThreadReport thread = rules.threadReport(opcode, owner, name, descriptor);
		if (thread != null) {
			int site = sites.register(methodName, line, SiteKind.CALL_WRITE, method);
			if (thread == CallRules.ThreadReport.ARGUMENT) {
				super.visitInsn(Opcodes.DUP);
			} else {
				super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "currentThread",
						"()Ljava/lang/Thread;", false);
			}
			pushInt(site);
			super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "call", OBJECT_INT, false);
			super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
			return;
		}
		SiteKind access = rules.receiverAccess(opcode, owner, name, descriptor);
		if (access == null) {
			super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
			return;
		}
		int site = sites.register(methodName, line, access, method);
		reportReceiver(owner, descriptor, site);
		super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
		if (access == SiteKind.CAS) {
			super.visitInsn(Opcodes.DUP);
			pushInt(site);
			super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "casOutcome", "(ZI)V", false);
		}
	}

	@Override
	public void visitIntInsn(int opcode, int operand) {
		beforeInstruction();
		super.visitIntInsn(opcode, operand);
	}

	@Override
	public void visitVarInsn(int opcode, int varIndex) {
		beforeInstruction();
		super.visitVarInsn(opcode, varIndex);
	}

	/**
	 * Points a method reference to a method of uninstrumented code that a call would report (a call on a receiver,
	 * or a replaced call, such as {@code latch::await} or {@code map::put}) at a bridge of this class that makes the
	 * call through the same hooks; the lambda's class, which the JDK spins, is never instrumented.
	 */
	@Override
	public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
		beforeInstruction();
		if (methodReferences != null && bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
				&& bootstrap.getName().equals("metafactory") && arguments.length == 3
				&& arguments[1] instanceof Handle target
				&& (target.getTag() == Opcodes.H_INVOKEVIRTUAL || target.getTag() == Opcodes.H_INVOKEINTERFACE)) {
			int opcode = target.getTag() == Opcodes.H_INVOKEVIRTUAL ? Opcodes.INVOKEVIRTUAL : Opcodes.INVOKEINTERFACE;
			if (rules.replacement(opcode, target.getOwner(), target.getName(), target.getDesc()) != null
					|| rules.threadReport(opcode, target.getOwner(), target.getName(), target.getDesc()) != null
					|| rules.receiverAccess(opcode, target.getOwner(), target.getName(), target.getDesc()) != null) {
				Object[] bridged = arguments.clone();
				bridged[1] = methodReferences.bridge(target, methodName, line);
				super.visitInvokeDynamicInsn(name, descriptor, bootstrap, bridged);
				return;
			}
		}
		super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
	}

	/** Makes the bridges that method references to uninstrumented code are pointed at. */
	interface MethodReferences {

		/**
		 * Returns a static method of the class being instrumented that takes the receiver and the arguments of a
		 * method, and calls the method through the hooks.
		 *
		 * @param target the method referred to
		 * @param methodName the method holding the reference, which the call's site names
		 * @param line the reference's line
		 * @return the bridge's handle
		 */
		Handle bridge(Handle target, String methodName, int line);
	}

	@Override
	public void visitJumpInsn(int opcode, Label label) {
		beforeInstruction();
		super.visitJumpInsn(opcode, label);
	}

	@Override
	public void visitLdcInsn(Object value) {
		beforeInstruction();
		super.visitLdcInsn(value);
	}

	@Override
	public void visitIincInsn(int varIndex, int increment) {
		beforeInstruction();
		super.visitIincInsn(varIndex, increment);
	}

	@Override
	public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
		beforeInstruction();
		super.visitTableSwitchInsn(min, max, dflt, labels);
	}

	@Override
	public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
		beforeInstruction();
		super.visitLookupSwitchInsn(dflt, keys, labels);
	}

	@Override
	public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
		beforeInstruction();
		super.visitMultiANewArrayInsn(descriptor, numDimensions);
	}

	/**
	 * With [receiver, arguments...] on the stack, calls {@code Hooks.call(receiver, site)}, or
	 * {@code Hooks.callElement(receiver, index, site)} for an atomic array's element, or
	 * {@code Hooks.callHandle(handle, object, index, site)} for a {@code VarHandle} or a field updater (the first
	 * argument if it is an object, else {@code null}; the second if it is an {@code int}, else 0), and restores
	 * them.
	 */
	private void reportReceiver(String owner, String descriptor, int site) {
		Type[] arguments = Type.getArgumentTypes(descriptor);
		int[] slots = new int[arguments.length];
		int next = firstFreeLocal;
		for (int i = 0; i < arguments.length; i++) {
			slots[i] = next;
			next += arguments[i].getSize();
		}
		for (int i = arguments.length - 1; i >= 0; i--) {
			super.visitVarInsn(arguments[i].getOpcode(Opcodes.ISTORE), slots[i]);
		}
		super.visitInsn(Opcodes.DUP);
		if (FIELD_HANDLES.contains(owner)) {
			if (arguments.length > 0 && (arguments[0].getSort() == Type.OBJECT || arguments[0].getSort() == Type.ARRAY)) {
				super.visitVarInsn(Opcodes.ALOAD, slots[0]);
			} else {
				super.visitInsn(Opcodes.ACONST_NULL);
			}
			if (arguments.length > 1 && arguments[1] == Type.INT_TYPE) {
				super.visitVarInsn(Opcodes.ILOAD, slots[1]);
			} else {
				super.visitInsn(Opcodes.ICONST_0);
			}
			pushInt(site);
			super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "callHandle", "(Ljava/lang/Object;Ljava/lang/Object;II)V",
					false);
		} else if (ATOMIC_ARRAYS.contains(owner) && arguments.length > 0 && arguments[0] == Type.INT_TYPE) {
			super.visitVarInsn(Opcodes.ILOAD, slots[0]);
			pushInt(site);
			super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "callElement", "(Ljava/lang/Object;II)V", false);
		} else {
			pushInt(site);
			super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "call", OBJECT_INT, false);
		}
		for (int i = 0; i < arguments.length; i++) {
			super.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), slots[i]);
		}
	}

	/** Registers a site at the current line, pushes its id, and calls the hook, whose other operands are pushed. */
	private void callHook(SiteKind kind, Site.Member member, String hook, String descriptor) {
		pushInt(sites.register(methodName, line, kind, member));
		super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, descriptor, false);
	}

	private void pushInt(int value) {
		if (value >= -1 && value <= 5) {
			super.visitInsn(Opcodes.ICONST_0 + value);
		} else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
			super.visitIntInsn(Opcodes.BIPUSH, value);
		} else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
			super.visitIntInsn(Opcodes.SIPUSH, value);
		} else {
			super.visitLdcInsn(value);
		}
	}
}
