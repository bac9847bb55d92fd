package dev.frontrun.internal.instrument;

import static dev.frontrun.internal.instrument.RecordingHandler.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.instrument.RecordingHandler.Recorded;
import dev.frontrun.internal.markers.MarkerIndex;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Synchronized methods in class files that {@code javac} 17 does not write: versions without stack map frames,
 * a version without class constants, and code that assigns local variable 0.
 */
class GeneratedClassFilesTest {

	private static final String NAME = "example/generated/Counter";

	private final FrontrunTransformer transformer = new FrontrunTransformer(new ClassScope(List.of()),
			new MarkerIndex(List.of()));

	@Test
	void aJava5ClassFileHasBothKindsOfSynchronizedMethodWrappedWithoutFrames() throws Exception {
		Class<?> counter = instrumented(Opcodes.V1_5, false);
		Object instance = counter.getConstructor().newInstance();
		Recorded<Object> run = record(() -> call(counter, "increment", instance) + call(counter, "incrementStatic", null));
		assertEquals(2, run.result());
		assertEquals(List.of("MONITOR_ENTER Counter @-1", "FIELD_READ Counter.count @-1",
				"FIELD_WRITE Counter.count @-1", "FIELD_READ Counter.count @-1", "MONITOR_EXIT Counter @-1",
				"MONITOR_ENTER Counter.class @-1", "STATIC_READ Counter.total @-1", "STATIC_WRITE Counter.total @-1",
				"STATIC_READ Counter.total @-1", "MONITOR_EXIT Counter.class @-1"), run.ofCaller());
		assertFalse(isSynchronized(counter, "incrementStatic"));
	}

	@Test
	void aJava14ClassFileKeepsItsStaticSynchronizedMethodsFlagged() throws Exception {
		Class<?> counter = instrumented(Opcodes.V1_4, false);
		Recorded<Object> run = record(() -> call(counter, "incrementStatic", null));
		assertEquals(1, run.result());
		assertEquals(List.of("STATIC_READ Counter.total @-1", "STATIC_WRITE Counter.total @-1",
				"STATIC_READ Counter.total @-1"), run.ofCaller());
		assertTrue(isSynchronized(counter, "incrementStatic"));
		assertFalse(isSynchronized(counter, "increment"));
	}

	@Test
	void aSynchronizedMethodThatAssignsThisKeepsItsFlag() throws Exception {
		Class<?> counter = instrumented(Opcodes.V17, true);
		Object instance = counter.getConstructor().newInstance();
		Recorded<Object> run = record(() -> call(counter, "increment", instance));
		assertEquals(1, run.result());
		assertEquals(List.of("FIELD_READ Counter.count @-1", "FIELD_WRITE Counter.count @-1",
				"FIELD_READ Counter.count @-1"), run.ofCaller());
		assertTrue(isSynchronized(counter, "increment"));
	}

	private Class<?> instrumented(int version, boolean assignsThis) {
		byte[] original = counterClass(version, assignsThis);
		ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
			@Override
			protected Class<?> findClass(String name) throws ClassNotFoundException {
				if (!name.equals(NAME.replace('/', '.'))) {
					throw new ClassNotFoundException(name);
				}
				byte[] instrumented = transformer.instrument(this, NAME, original);
				return defineClass(name, instrumented, 0, instrumented.length);
			}
		};
		try {
			return loader.loadClass(NAME.replace('/', '.'));
		} catch (ClassNotFoundException e) {
			throw new AssertionError(e);
		}
	}

	private static int call(Class<?> type, String method, Object target) throws Exception {
		return (Integer) type.getMethod(method).invoke(target);
	}

	private static boolean isSynchronized(Class<?> type, String method) throws NoSuchMethodException {
		Method found = type.getMethod(method);
		return Modifier.isSynchronized(found.getModifiers());
	}

	/**
	 * A counter with {@code synchronized int increment()} and {@code static synchronized int incrementStatic()},
	 * without line numbers; with {@code assignsThis}, {@code increment} first stores {@code this} back into
	 * local variable 0.
	 */
	private static byte[] counterClass(int version, boolean assignsThis) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
		writer.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object", null);
		writer.visitField(Opcodes.ACC_PRIVATE, "count", "I", null, null).visitEnd();
		writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "total", "I", null, null).visitEnd();
		MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
		constructor.visitCode();
		constructor.visitVarInsn(Opcodes.ALOAD, 0);
		constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
		constructor.visitInsn(Opcodes.RETURN);
		constructor.visitMaxs(0, 0);
		constructor.visitEnd();
		MethodVisitor increment = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNCHRONIZED, "increment",
				"()I", null, null);
		increment.visitCode();
		if (assignsThis) {
			increment.visitVarInsn(Opcodes.ALOAD, 0);
			increment.visitVarInsn(Opcodes.ASTORE, 0);
		}
		increment.visitVarInsn(Opcodes.ALOAD, 0);
		increment.visitInsn(Opcodes.DUP);
		increment.visitFieldInsn(Opcodes.GETFIELD, NAME, "count", "I");
		increment.visitInsn(Opcodes.ICONST_1);
		increment.visitInsn(Opcodes.IADD);
		increment.visitFieldInsn(Opcodes.PUTFIELD, NAME, "count", "I");
		increment.visitVarInsn(Opcodes.ALOAD, 0);
		increment.visitFieldInsn(Opcodes.GETFIELD, NAME, "count", "I");
		increment.visitInsn(Opcodes.IRETURN);
		increment.visitMaxs(0, 0);
		increment.visitEnd();
		MethodVisitor incrementStatic = writer.visitMethod(
				Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED, "incrementStatic", "()I", null,
				null);
		incrementStatic.visitCode();
		incrementStatic.visitFieldInsn(Opcodes.GETSTATIC, NAME, "total", "I");
		incrementStatic.visitInsn(Opcodes.ICONST_1);
		incrementStatic.visitInsn(Opcodes.IADD);
		incrementStatic.visitFieldInsn(Opcodes.PUTSTATIC, NAME, "total", "I");
		incrementStatic.visitFieldInsn(Opcodes.GETSTATIC, NAME, "total", "I");
		incrementStatic.visitInsn(Opcodes.IRETURN);
		incrementStatic.visitMaxs(0, 0);
		incrementStatic.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}
}
