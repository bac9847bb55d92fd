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
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

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

	@Test
	void aMethodReferenceInAJava8InterfaceIsBridgedByAPublicMethod() throws Exception {
		String name = "example/generated/Sizes";
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE, name, null,
				"java/lang/Object", null);
		MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "size", "(Ljava/util/List;)I",
				null, null);
		code.visitCode();
		code.visitVarInsn(Opcodes.ALOAD, 0);
		code.visitInvokeDynamicInsn("get", "(Ljava/util/List;)Ljava/util/function/Supplier;",
				new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory",
						"(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
								+ "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
								+ "Ljava/lang/invoke/CallSite;", false),
				Type.getType("()Ljava/lang/Object;"),
				new Handle(Opcodes.H_INVOKEINTERFACE, "java/util/List", "size", "()I", true),
				Type.getType("()Ljava/lang/Integer;"));
		code.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/Supplier", "get", "()Ljava/lang/Object;",
				true);
		code.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Integer");
		code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Integer", "intValue", "()I", false);
		code.visitInsn(Opcodes.IRETURN);
		code.visitMaxs(0, 0);
		code.visitEnd();
		writer.visitEnd();
		Class<?> sizes = define(name, writer.toByteArray());
		Recorded<Object> run = record(() -> sizes.getMethod("size", List.class).invoke(null, List.of(1, 2)));
		assertEquals(2, run.result());
		assertEquals(List.of("CALL_READ List.size @-1"), run.ofCaller());
		Method bridge = sizes.getDeclaredMethod("frontrun$ref$0", List.class);
		assertTrue(Modifier.isPublic(bridge.getModifiers()) && bridge.isSynthetic());
	}

	private Class<?> define(String name, byte[] original) {
		ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
			@Override
			protected Class<?> findClass(String className) throws ClassNotFoundException {
				if (!className.equals(name.replace('/', '.'))) {
					throw new ClassNotFoundException(className);
				}
				byte[] instrumented = transformer.instrument(this, name, original);
				return defineClass(className, instrumented, 0, instrumented.length);
			}
		};
		try {
			return loader.loadClass(name.replace('/', '.'));
		} catch (ClassNotFoundException e) {
			throw new AssertionError(e);
		}
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
