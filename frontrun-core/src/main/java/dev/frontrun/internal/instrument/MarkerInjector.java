package dev.frontrun.internal.instrument;

import dev.frontrun.internal.markers.SourceMarkers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Inserts a call to {@code Hooks.marker(name)} at the first instruction of each gated line of each method.
 *
 * <p>The line's first instruction is found through the LineNumberTable. The call goes after any stack map frame
 * at that offset and before the line's first real instruction, so jumps to the line (a loop's back edge) pass
 * the gate again. It pushes one value and pops it, so only the maximum stack size changes.
 */
final class MarkerInjector extends ClassVisitor {

	private static final String HOOKS = "dev/frontrun/internal/runtime/Hooks";

	private final SourceMarkers markers;
	private boolean injected;

	MarkerInjector(ClassVisitor next, SourceMarkers markers) {
		super(Opcodes.ASM9, next);
		this.markers = markers;
	}

	/**
	 * Tells whether any gate was inserted.
	 *
	 * @return {@code true} when the class changed
	 */
	boolean injected() {
		return injected;
	}

	@Override
	public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
			String[] exceptions) {
		return new GateInserter(super.visitMethod(access, name, descriptor, signature, exceptions));
	}

	/** Remembers the markers of a line when its line number is visited, and emits them before its first instruction. */
	private final class GateInserter extends MethodVisitor {

		private final Set<Integer> seenLines = new HashSet<>();
		private List<String> pending = List.of();

		GateInserter(MethodVisitor next) {
			super(Opcodes.ASM9, next);
		}

		@Override
		public void visitLineNumber(int line, Label start) {
			super.visitLineNumber(line, start);
			if (seenLines.add(line)) {
				pending = markers.at(line);
			}
		}

		private void emitPending() {
			for (String marker : pending) {
				super.visitLdcInsn(marker);
				super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "marker", "(Ljava/lang/String;)V", false);
				injected = true;
			}
			pending = List.of();
		}

		@Override
		public void visitInsn(int opcode) {
			emitPending();
			super.visitInsn(opcode);
		}

		@Override
		public void visitIntInsn(int opcode, int operand) {
			emitPending();
			super.visitIntInsn(opcode, operand);
		}

		@Override
		public void visitVarInsn(int opcode, int varIndex) {
			emitPending();
			super.visitVarInsn(opcode, varIndex);
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			emitPending();
			super.visitTypeInsn(opcode, type);
		}

		@Override
		public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
			emitPending();
			super.visitFieldInsn(opcode, owner, name, descriptor);
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			emitPending();
			super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
			emitPending();
			super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
		}

		@Override
		public void visitJumpInsn(int opcode, Label label) {
			emitPending();
			super.visitJumpInsn(opcode, label);
		}

		@Override
		public void visitLdcInsn(Object value) {
			emitPending();
			super.visitLdcInsn(value);
		}

		@Override
		public void visitIincInsn(int varIndex, int increment) {
			emitPending();
			super.visitIincInsn(varIndex, increment);
		}

		@Override
		public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
			emitPending();
			super.visitTableSwitchInsn(min, max, dflt, labels);
		}

		@Override
		public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
			emitPending();
			super.visitLookupSwitchInsn(dflt, keys, labels);
		}

		@Override
		public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
			emitPending();
			super.visitMultiANewArrayInsn(descriptor, numDimensions);
		}
	}
}
