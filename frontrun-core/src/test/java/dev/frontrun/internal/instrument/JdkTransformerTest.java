package dev.frontrun.internal.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** What the agent makes of the JDK classes it rewrites, read back from the class files it produces. */
class JdkTransformerTest {

	private static final String HOOKS = "dev/frontrun/internal/runtime/Hooks";

	private static byte[] jdkClass(String internalName) throws IOException {
		try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
			return in.readAllBytes();
		}
	}

	/** The calls each method makes, in order, as {@code owner.name}, by method name plus descriptor. */
	private static Map<String, List<String>> calls(byte[] classfile) {
		Map<String, List<String>> calls = new HashMap<>();
		new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9) {
			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				List<String> made = new ArrayList<>();
				calls.put(name + descriptor, made);
				return new MethodVisitor(Opcodes.ASM9) {
					@Override
					public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
							boolean isInterface) {
						made.add(owner + "." + method);
					}
				};
			}
		}, 0);
		return calls;
	}

	@Test
	void targetsThreadAndJavaUtilConcurrentButTheAtomicsAndThreadLocalRandom() {
		assertTrue(JdkTransformer.targets("java/lang/Thread"));
		assertTrue(JdkTransformer.targets("java/util/concurrent/locks/LockSupport"));
		assertTrue(JdkTransformer.targets("java/util/concurrent/locks/AbstractQueuedSynchronizer$ConditionObject"));
		assertFalse(JdkTransformer.targets("java/util/concurrent/atomic/AtomicInteger"));
		assertFalse(JdkTransformer.targets("java/util/concurrent/ThreadLocalRandom"));
		assertFalse(JdkTransformer.targets("java/util/HashMap"));
	}

	@Test
	void parkAndUnparkAskTheHooksFirst() throws IOException {
		Map<String, List<String>> calls = calls(JdkTransformer.instrument("java/util/concurrent/locks/LockSupport",
				jdkClass("java/util/concurrent/locks/LockSupport")));
		for (String park : List.of("park()V", "park(Ljava/lang/Object;)V", "parkNanos(J)V",
				"parkNanos(Ljava/lang/Object;J)V", "parkUntil(J)V", "parkUntil(Ljava/lang/Object;J)V")) {
			assertEquals(HOOKS + ".park", calls.get(park).get(0), park);
		}
		assertEquals(HOOKS + ".unpark", calls.get("unpark(Ljava/lang/Thread;)V").get(0));
		assertFalse(calls.get("getBlocker(Ljava/lang/Thread;)Ljava/lang/Object;").contains(HOOKS + ".park"));
	}

	@Test
	void threadStartAndInterruptCallTheHooksFirst() throws IOException {
		Map<String, List<String>> calls = calls(JdkTransformer.instrument("java/lang/Thread", jdkClass("java/lang/Thread")));
		assertEquals(HOOKS + ".threadStarting", calls.get("start()V").get(0));
		assertEquals(HOOKS + ".threadInterrupting", calls.get("interrupt()V").get(0));
		assertFalse(calls.get("run()V").contains(HOOKS + ".threadStarting"));
	}

	@Test
	void futureTasksReportTheirEntriesAndReadTheHooksClock() throws IOException {
		Map<String, List<String>> calls = calls(JdkTransformer.instrument("java/util/concurrent/FutureTask",
				jdkClass("java/util/concurrent/FutureTask")));
		for (String method : List.of("run()V", "set(Ljava/lang/Object;)V", "get()Ljava/lang/Object;", "isDone()Z")) {
			assertEquals(HOOKS + ".jdkCall", calls.get(method).get(0), method);
		}
		List<String> awaitDone = calls.get("awaitDone(ZJ)I");
		assertTrue(awaitDone.contains(HOOKS + ".nanoTime"), awaitDone.toString());
		assertFalse(awaitDone.contains("java/lang/System.nanoTime"), awaitDone.toString());
	}

	@Test
	void aClassWithNothingToRewriteIsLeftAsItIs() throws IOException {
		assertNull(JdkTransformer.instrument("java/util/concurrent/TimeUnit", jdkClass("java/util/concurrent/TimeUnit")));
		assertNotNull(JdkTransformer.instrument("java/util/concurrent/locks/AbstractQueuedSynchronizer",
				jdkClass("java/util/concurrent/locks/AbstractQueuedSynchronizer")));
	}
}
