package dev.frontrun.internal.instrument;

import dev.frontrun.internal.agent.AgentLog;
import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.Site.MethodRef;
import dev.frontrun.internal.runtime.SiteKind;
import dev.frontrun.internal.runtime.Sites;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a few JDK classes, at load and by retransformation, so that a controlled execution sees and controls
 * what {@code java.util.concurrent} does inside the JDK, where the call sites of the user's code cannot see:
 * <ul>
 * <li>{@code LockSupport.park*} and {@code unpark} ask {@code Hooks.park}/{@code Hooks.unpark} first, and skip the
 * real operation when the hook has performed it. Every blocking class of {@code java.util.concurrent} (the
 * synchronizers built on {@code AbstractQueuedSynchronizer}, conditions, the blocking queues, futures, executors)
 * blocks there, so modelling parking models them all.</li>
 * <li>{@code Thread.start()} (and, on newer JDKs, {@code start(ThreadContainer)}) calls {@code Hooks.threadStarting},
 * so threads started by JDK code (an executor's workers) are seen; {@code Thread.interrupt()} calls
 * {@code Hooks.threadInterrupting}, so an interrupt can wake a thread parked in the model.</li>
 * <li>A few methods that threads call from JDK code, with no call of the user's code to report them, report their
 * receiver with {@code Hooks.jdkCall}, as a write or a read: {@code ThreadPoolExecutor.execute}, {@code getTask}
 * and {@code processWorkerExit} (a worker taking a task, or ending); {@code FutureTask.run}, {@code runAndReset},
 * {@code set}, {@code setException} and {@code cancel}, and its reads {@code get}, {@code isDone} and
 * {@code isCancelled} (as {@code invokeAll} calls them); the completions of {@code CompletableFuture} and its reads
 * {@code get}, {@code join} and {@code isDone}.</li>
 * <li>In {@code java.util.concurrent} (except {@code ThreadLocalRandom}), {@code System.nanoTime()} and
 * {@code currentTimeMillis()} become {@code Hooks.nanoTime()} and {@code Hooks.currentTimeMillis()}, so timed waits
 * read the clock of the controlled execution.</li>
 * </ul>
 * Only method bodies change, as retransformation requires. Classes are read with expanded frames and written with
 * {@code COMPUTE_MAXS}, never {@code COMPUTE_FRAMES}, which would load classes; the one branch inserted (in
 * {@code LockSupport}) comes with its frame, the method's initial one.
 */
public final class JdkTransformer implements ClassFileTransformer {

	private static final String HOOKS = "dev/frontrun/internal/runtime/Hooks";
	private static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";
	private static final String THREAD = "java/lang/Thread";
	private static final String CONCURRENT = "java/util/concurrent/";

	/** The methods that report their receiver at entry, by class, as name plus descriptor, with what they do. */
	private static final Map<String, Map<String, SiteKind>> REPORTING = Map.of(
			"java/util/concurrent/ThreadPoolExecutor", Map.of(
					"execute(Ljava/lang/Runnable;)V", SiteKind.CALL_WRITE,
					"getTask()Ljava/lang/Runnable;", SiteKind.CALL_WRITE,
					"processWorkerExit(Ljava/util/concurrent/ThreadPoolExecutor$Worker;Z)V", SiteKind.CALL_WRITE),
			"java/util/concurrent/FutureTask", Map.of(
					"run()V", SiteKind.CALL_WRITE,
					"runAndReset()Z", SiteKind.CALL_WRITE,
					"set(Ljava/lang/Object;)V", SiteKind.CALL_WRITE,
					"setException(Ljava/lang/Throwable;)V", SiteKind.CALL_WRITE,
					"cancel(Z)Z", SiteKind.CALL_WRITE,
					"get()Ljava/lang/Object;", SiteKind.CALL_READ,
					"get(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", SiteKind.CALL_READ,
					"isDone()Z", SiteKind.CALL_READ,
					"isCancelled()Z", SiteKind.CALL_READ),
			"java/util/concurrent/CompletableFuture", Map.ofEntries(
					Map.entry("completeNull()Z", SiteKind.CALL_WRITE),
					Map.entry("completeValue(Ljava/lang/Object;)Z", SiteKind.CALL_WRITE),
					Map.entry("completeThrowable(Ljava/lang/Throwable;)Z", SiteKind.CALL_WRITE),
					Map.entry("completeThrowable(Ljava/lang/Throwable;Ljava/lang/Object;)Z", SiteKind.CALL_WRITE),
					Map.entry("completeRelay(Ljava/lang/Object;)Z", SiteKind.CALL_WRITE),
					Map.entry("internalComplete(Ljava/lang/Object;)Z", SiteKind.CALL_WRITE),
					Map.entry("get()Ljava/lang/Object;", SiteKind.CALL_READ),
					Map.entry("get(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", SiteKind.CALL_READ),
					Map.entry("join()Ljava/lang/Object;", SiteKind.CALL_READ),
					Map.entry("isDone()Z", SiteKind.CALL_READ)));

	private static final Set<String> PARKS = Set.of("park()V", "park(Ljava/lang/Object;)V", "parkNanos(J)V",
			"parkNanos(Ljava/lang/Object;J)V", "parkUntil(J)V", "parkUntil(Ljava/lang/Object;J)V");

	/**
	 * Tells whether this transformer rewrites a class.
	 *
	 * @param internalName the class's internal name
	 * @return {@code true} for {@code Thread}, {@code LockSupport} and the classes of {@code java.util.concurrent}
	 *         but {@code ThreadLocalRandom} and the atomics
	 */
	public static boolean targets(String internalName) {
		return internalName.equals(THREAD) || internalName.startsWith(CONCURRENT)
				&& !internalName.startsWith("java/util/concurrent/ThreadLocalRandom")
				&& !internalName.startsWith("java/util/concurrent/atomic/");
	}

	/**
	 * Picks the loaded classes to retransform when the agent starts.
	 *
	 * @param loaded every loaded class
	 * @return the modifiable ones this transformer targets
	 */
	public static List<Class<?>> toRetransform(Class<?>[] loaded, java.util.function.Predicate<Class<?>> modifiable) {
		List<Class<?>> classes = new ArrayList<>();
		for (Class<?> type : loaded) {
			if (type.getClassLoader() == null && !type.isArray() && !type.isPrimitive()
					&& targets(type.getName().replace('.', '/')) && modifiable.test(type)) {
				classes.add(type);
			}
		}
		return classes;
	}

	@Override
	public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
			ProtectionDomain protectionDomain, byte[] classfileBuffer) {
		if (loader != null || className == null || !targets(className)) {
			return null;
		}
		try {
			return instrument(className, classfileBuffer);
		} catch (RuntimeException | LinkageError e) {
			AgentLog.warn("could not instrument " + className.replace('/', '.') + ", leaving it unchanged: " + e);
			return null;
		}
	}

	/**
	 * Rewrites one JDK class.
	 *
	 * @param className its internal name
	 * @param classfile its class file
	 * @return the new class file, or {@code null} when nothing changed
	 */
	static byte[] instrument(String className, byte[] classfile) {
		ClassReader reader = new ClassReader(classfile);
		ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
		Rewriter rewriter = new Rewriter(writer, className);
		reader.accept(rewriter, ClassReader.EXPAND_FRAMES);
		return rewriter.changed ? writer.toByteArray() : null;
	}

	private static final class Rewriter extends ClassVisitor {

		private final String className;
		private String sourceFile;
		boolean changed;

		Rewriter(ClassVisitor next, String className) {
			super(Opcodes.ASM9, next);
			this.className = className;
		}

		@Override
		public void visitSource(String source, String debug) {
			sourceFile = source;
			super.visitSource(source, debug);
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
			if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
				return next;
			}
			String method = name + descriptor;
			boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
			if (className.equals(LOCK_SUPPORT) && PARKS.contains(method)) {
				return new EntryBranch(next, descriptor, parkHook(name, descriptor));
			}
			if (className.equals(LOCK_SUPPORT) && method.equals("unpark(Ljava/lang/Thread;)V")) {
				return new EntryBranch(next, descriptor, mv -> {
					mv.visitVarInsn(Opcodes.ALOAD, 0);
					mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "unpark", "(Ljava/lang/Thread;)Z", false);
				});
			}
			if (className.equals(THREAD) && !isStatic && (method.equals("start()V")
					|| method.equals("start(Ljdk/internal/vm/ThreadContainer;)V"))) {
				return new Entry(next, mv -> {
					mv.visitVarInsn(Opcodes.ALOAD, 0);
					mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadStarting", "(Ljava/lang/Thread;)V", false);
				});
			}
			if (className.equals(THREAD) && method.equals("interrupt()V")) {
				return new Entry(next, mv -> {
					mv.visitVarInsn(Opcodes.ALOAD, 0);
					mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadInterrupting", "(Ljava/lang/Thread;)V",
							false);
				});
			}
			if (className.equals(THREAD)) {
				return next;
			}
			SiteKind reported = REPORTING.getOrDefault(className, Map.of()).get(method);
			MethodVisitor clock = new ClockRewriter(next);
			if (reported != null && !isStatic) {
				int site = Sites.register(new Site(className, sourceFile, name, Site.UNKNOWN_LINE, reported,
						new MethodRef(className, name, descriptor)));
				return new Entry(clock, mv -> {
					mv.visitVarInsn(Opcodes.ALOAD, 0);
					mv.visitLdcInsn(site);
					mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "jdkCall", "(Ljava/lang/Object;I)V", false);
				});
			}
			return clock;
		}

		private static java.util.function.Consumer<MethodVisitor> parkHook(String name, String descriptor) {
			Type[] arguments = Type.getArgumentTypes(descriptor);
			boolean hasBlocker = arguments.length > 0 && arguments[0].getSort() == Type.OBJECT;
			int mode = switch (name) {
			case "park" -> 0;
			case "parkNanos" -> 1;
			default -> 2;
			};
			return mv -> {
				if (hasBlocker) {
					mv.visitVarInsn(Opcodes.ALOAD, 0);
				} else {
					mv.visitInsn(Opcodes.ACONST_NULL);
				}
				if (mode == 0) {
					mv.visitInsn(Opcodes.LCONST_0);
				} else {
					mv.visitVarInsn(Opcodes.LLOAD, hasBlocker ? 1 : 0);
				}
				mv.visitInsn(Opcodes.ICONST_0 + mode);
				mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "park", "(Ljava/lang/Object;JI)Z", false);
			};
		}

		/** Replaces the clock reads of {@code java.util.concurrent} with the hooks'. */
		private final class ClockRewriter extends MethodVisitor {

			ClockRewriter(MethodVisitor next) {
				super(Opcodes.ASM9, next);
			}

			@Override
			public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
					boolean isInterface) {
				if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && descriptor.equals("()J")
						&& (name.equals("nanoTime") || name.equals("currentTimeMillis"))) {
					changed = true;
					super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, descriptor, false);
					return;
				}
				super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
			}
		}

		/** Calls a hook at the entry of a method. */
		private final class Entry extends MethodVisitor {

			private final java.util.function.Consumer<MethodVisitor> hook;

			Entry(MethodVisitor next, java.util.function.Consumer<MethodVisitor> hook) {
				super(Opcodes.ASM9, next);
				this.hook = hook;
			}

			@Override
			public void visitCode() {
				super.visitCode();
				hook.accept(mv);
				changed = true;
			}
		}

		/**
		 * At the entry of a static void method: calls a boolean hook and returns at once when it says so, with the
		 * method's initial frame at the code that follows.
		 */
		private final class EntryBranch extends MethodVisitor {

			private final String descriptor;
			private final java.util.function.Consumer<MethodVisitor> hook;

			EntryBranch(MethodVisitor next, String descriptor, java.util.function.Consumer<MethodVisitor> hook) {
				super(Opcodes.ASM9, next);
				this.descriptor = descriptor;
				this.hook = hook;
			}

			@Override
			public void visitCode() {
				super.visitCode();
				hook.accept(mv);
				Label proceed = new Label();
				mv.visitJumpInsn(Opcodes.IFEQ, proceed);
				mv.visitInsn(Opcodes.RETURN);
				mv.visitLabel(proceed);
				Type[] arguments = Type.getArgumentTypes(descriptor);
				Object[] locals = new Object[arguments.length];
				for (int i = 0; i < arguments.length; i++) {
					locals[i] = switch (arguments[i].getSort()) {
					case Type.LONG -> Opcodes.LONG;
					case Type.INT, Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT -> Opcodes.INTEGER;
					case Type.FLOAT -> Opcodes.FLOAT;
					case Type.DOUBLE -> Opcodes.DOUBLE;
					default -> arguments[i].getInternalName();
					};
				}
				mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
				changed = true;
			}
		}
	}
}
