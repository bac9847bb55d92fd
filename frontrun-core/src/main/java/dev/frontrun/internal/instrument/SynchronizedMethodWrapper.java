package dev.frontrun.internal.instrument;

import dev.frontrun.internal.runtime.Site;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the body of a {@code synchronized} method, whose flag the caller removes, into an explicit
 * {@code MONITORENTER} at entry and a {@code MONITOREXIT} before each return, plus a catch-all handler that
 * exits and rethrows, as {@code javac} compiles a {@code synchronized} block. The {@link HookInserter} after this
 * visitor then reports those monitor instructions like any other, so the model lock is taken before the real
 * one and released after it.
 *
 * <p>The monitor is {@code this}, read from local variable 0 (the caller wraps only methods that never assign
 * it), or the class object for a static method. The handler is registered last, so the method's own handlers
 * keep precedence. It covers the whole body, exits included as {@code javac} does, except the point right after
 * each exit, where a label ends one range and another starts the next: there the {@link HookInserter} puts the
 * exit's hook, so that a hook that throws does not release the monitor twice. Every range holds at least one
 * instruction, an exit or a return. The handler's stack map frame holds only {@code this}, which every
 * instruction of the body has in the same slot, and the thrown {@code Throwable}.
 */
final class SynchronizedMethodWrapper extends MethodVisitor {

	private final String className;
	private final boolean isStatic;
	private final int firstLine;
	private final boolean writesFrames;
	private final List<Label> rangeBounds = new ArrayList<>();

	/**
	 * Creates the wrapper of one method.
	 *
	 * @param next the visitor that instruments and writes the method
	 * @param className the internal name of the method's class
	 * @param isStatic whether the method is static, and so locks the class object
	 * @param firstLine the method's first line, given to the entry and to the handler, or
	 *        {@link Site#UNKNOWN_LINE}
	 * @param writesFrames whether the class file has stack map frames (version 50 and up)
	 */
	SynchronizedMethodWrapper(MethodVisitor next, String className, boolean isStatic, int firstLine,
			boolean writesFrames) {
		super(Opcodes.ASM9, next);
		this.className = className;
		this.isStatic = isStatic;
		this.firstLine = firstLine;
		this.writesFrames = writesFrames;
	}

	@Override
	public void visitCode() {
		super.visitCode();
		Label entry = new Label();
		super.visitLabel(entry);
		markFirstLine(entry);
		pushMonitor();
		super.visitInsn(Opcodes.MONITORENTER);
		boundRange();
	}

	@Override
	public void visitInsn(int opcode) {
		if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
			pushMonitor();
			super.visitInsn(Opcodes.MONITOREXIT);
			boundRange();
			boundRange();
		}
		super.visitInsn(opcode);
	}

	/** Places a new label that starts or ends a range of the handler, alternately. */
	private void boundRange() {
		Label bound = new Label();
		super.visitLabel(bound);
		rangeBounds.add(bound);
	}

	@Override
	public void visitMaxs(int maxStack, int maxLocals) {
		boundRange();
		Label handler = new Label();
		super.visitLabel(handler);
		markFirstLine(handler);
		if (writesFrames) {
			Object[] locals = isStatic ? new Object[0] : new Object[] { className };
			super.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] { "java/lang/Throwable" });
		}
		pushMonitor();
		super.visitInsn(Opcodes.MONITOREXIT);
		super.visitInsn(Opcodes.ATHROW);
		for (int i = 0; i < rangeBounds.size(); i += 2) {
			super.visitTryCatchBlock(rangeBounds.get(i), rangeBounds.get(i + 1), handler, null);
		}
		super.visitMaxs(maxStack, maxLocals);
	}

	private void markFirstLine(Label label) {
		if (firstLine != Site.UNKNOWN_LINE) {
			super.visitLineNumber(firstLine, label);
		}
	}

	private void pushMonitor() {
		if (isStatic) {
			super.visitLdcInsn(Type.getObjectType(className));
		} else {
			super.visitVarInsn(Opcodes.ALOAD, 0);
		}
	}
}
