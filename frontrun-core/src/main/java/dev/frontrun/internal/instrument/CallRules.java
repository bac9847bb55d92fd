package dev.frontrun.internal.instrument;

import dev.frontrun.internal.runtime.SiteKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Decides what instrumented code does at a method call: replace it with a hook that performs the operation
 * (waits, notifications, thread operations), report it as a read, a write or a compare-and-set of its receiver
 * (calls into code frontrun does not instrument), or leave it alone.
 */
final class CallRules {

	private static final String THREAD = "java/lang/Thread";

	private static final Map<String, Replacement> MONITOR_METHODS = Map.of(
			"wait()V", new Replacement("waitOn", SiteKind.WAIT),
			"wait(J)V", new Replacement("waitOn", SiteKind.WAIT),
			"wait(JI)V", new Replacement("waitOn", SiteKind.WAIT),
			"notify()V", new Replacement("notifyOne", SiteKind.NOTIFY),
			"notifyAll()V", new Replacement("notifyAll", SiteKind.NOTIFY_ALL));

	private static final Map<String, Replacement> THREAD_INSTANCE_METHODS = Map.of(
			"start()V", new Replacement("threadStart", SiteKind.THREAD_START),
			"join()V", new Replacement("threadJoin", SiteKind.THREAD_JOIN),
			"join(J)V", new Replacement("threadJoin", SiteKind.THREAD_JOIN),
			"join(JI)V", new Replacement("threadJoin", SiteKind.THREAD_JOIN));

	private static final Map<String, Replacement> THREAD_STATIC_METHODS = Map.of(
			"sleep(J)V", new Replacement("sleep", SiteKind.SLEEP),
			"sleep(JI)V", new Replacement("sleep", SiteKind.SLEEP),
			"yield()V", new Replacement("threadYield", SiteKind.YIELD));

	private static final Set<String> CONDITIONS = Set.of("java/util/concurrent/locks/Condition",
			"java/util/concurrent/locks/AbstractQueuedSynchronizer$ConditionObject",
			"java/util/concurrent/locks/AbstractQueuedLongSynchronizer$ConditionObject");

	private static final Map<String, Replacement> CONDITION_METHODS = Map.of(
			"await()V", new Replacement("conditionAwait", SiteKind.CONDITION_AWAIT),
			"awaitUninterruptibly()V", new Replacement("conditionAwaitUninterruptibly", SiteKind.CONDITION_AWAIT),
			"awaitNanos(J)J", new Replacement("conditionAwaitNanos", SiteKind.CONDITION_AWAIT),
			"await(JLjava/util/concurrent/TimeUnit;)Z", new Replacement("conditionAwait", SiteKind.CONDITION_AWAIT),
			"awaitUntil(Ljava/util/Date;)Z", new Replacement("conditionAwaitUntil", SiteKind.CONDITION_AWAIT),
			"signal()V", new Replacement("conditionSignal", SiteKind.CONDITION_SIGNAL),
			"signalAll()V", new Replacement("conditionSignalAll", SiteKind.CONDITION_SIGNAL));

	private static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";

	/** Methods that return a final field of their receiver, which is all they do: not reported. */
	private static final Map<String, Set<String>> GETTERS = Map.of(
			"java/util/concurrent/locks/ReentrantReadWriteLock", Set.of("readLock", "writeLock"),
			"java/util/concurrent/locks/ReadWriteLock", Set.of("readLock", "writeLock"));

	/** Methods that only read their receiver, whatever class declares them. */
	private static final Set<String> READ_ONLY = Set.of(
			"get", "getOrDefault", "containsKey", "containsValue", "contains", "containsAll", "size", "isEmpty",
			"indexOf", "lastIndexOf", "peek", "peekFirst", "peekLast", "element", "getFirst", "getLast",
			"firstKey", "lastKey", "first", "last", "iterator", "listIterator", "spliterator", "stream",
			"parallelStream", "forEach", "keySet", "values", "entrySet", "toArray", "toString", "hashCode",
			"equals", "compareTo", "clone", "length", "charAt",
			"getPlain", "getAcquire", "getOpaque", "getVolatile", "intValue", "longValue", "floatValue", "doubleValue",
			"shortValue", "byteValue");

	/** Boolean compare-and-set methods, whose failure only reads. */
	private static final Set<String> COMPARE_AND_SET = Set.of("compareAndSet", "weakCompareAndSet",
			"weakCompareAndSetPlain", "weakCompareAndSetVolatile", "weakCompareAndSetAcquire",
			"weakCompareAndSetRelease");

	/** Receivers that cannot change, or that are code rather than data. */
	private static final Set<String> STATELESS_RECEIVERS = Set.of("java/lang/String", "java/lang/Integer",
			"java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Boolean",
			"java/lang/Float", "java/lang/Double", "java/lang/Class", "java/lang/Enum", "java/math/BigInteger",
			"java/math/BigDecimal", "java/util/UUID", "java/util/Optional", "java/util/OptionalInt",
			"java/util/OptionalLong", "java/util/OptionalDouble", "java/lang/invoke/MethodHandle",
			"java/lang/Runnable", "java/util/concurrent/Callable", "java/util/Comparator");

	private static final List<String> STATELESS_PACKAGES = List.of("java/time/", "java/util/function/");

	private final ReferencedClasses classes;

	/**
	 * Creates the rules for one class being instrumented.
	 *
	 * @param classes what is known about the classes it calls
	 */
	CallRules(ReferencedClasses classes) {
		this.classes = classes;
	}

	/**
	 * Tells which hook replaces a call, if any: {@code Object.wait/notify/notifyAll} on any receiver, the waits and
	 * signals of a {@code Condition}, and {@code start} and {@code join} on threads, virtual calls only (a {@code super.start()} in an override of
	 * {@code start} stays, so the hook's own {@code thread.start()} does not loop); {@code sleep} and
	 * {@code yield} called on {@code Thread} itself.
	 *
	 * @param opcode the invoke instruction
	 * @param owner the class the call names
	 * @param name the method's name
	 * @param descriptor the method's descriptor
	 * @return the replacement, or {@code null} to keep the call
	 */
	Replacement replacement(int opcode, String owner, String name, String descriptor) {
		String method = name + descriptor;
		return switch (opcode) {
		case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESPECIAL -> {
			Replacement monitor = MONITOR_METHODS.get(method);
			if (monitor != null) {
				yield monitor;
			}
			if (opcode != Opcodes.INVOKESPECIAL && CONDITIONS.contains(owner)) {
				Replacement condition = CONDITION_METHODS.get(method);
				if (condition != null) {
					yield condition;
				}
			}
			Replacement thread = THREAD_INSTANCE_METHODS.get(method);
			yield thread != null && opcode == Opcodes.INVOKEVIRTUAL && classes.isSubclassOf(owner, THREAD) ? thread
					: null;
		}
		case Opcodes.INVOKESTATIC -> owner.equals(THREAD) ? THREAD_STATIC_METHODS.get(method) : null;
		default -> null;
		};
	}

	/** Whose thread a static call is reported on, as a write of that thread's object. */
	enum ThreadReport {
		/** The calling thread's: {@code LockSupport.park*}, {@code Thread.interrupted()}. */
		CURRENT_THREAD,
		/** The thread passed as the only argument: {@code LockSupport.unpark(thread)}. */
		ARGUMENT
	}

	/**
	 * Tells whether a static call uses a thread's parking permit or interrupt status, which the call is then
	 * reported as writing (the object of the thread), so that a park and the unpark that gives it its permit, or an
	 * interrupt and its check, are ordered.
	 *
	 * @param opcode the invoke instruction
	 * @param owner the class the call names
	 * @param name the method's name
	 * @param descriptor the method's descriptor
	 * @return whose thread the call uses, or {@code null} for other calls
	 */
	ThreadReport threadReport(int opcode, String owner, String name, String descriptor) {
		if (opcode != Opcodes.INVOKESTATIC) {
			return null;
		}
		if (owner.equals(LOCK_SUPPORT)) {
			if (name.equals("unpark") && descriptor.equals("(Ljava/lang/Thread;)V")) {
				return ThreadReport.ARGUMENT;
			}
			return name.startsWith("park") ? ThreadReport.CURRENT_THREAD : null;
		}
		return owner.equals(THREAD) && name.equals("interrupted") && descriptor.equals("()Z")
				? ThreadReport.CURRENT_THREAD : null;
	}

	/**
	 * Tells how a call that is not replaced is reported: as a read, a write or a compare-and-set of its
	 * receiver when it is a virtual or interface call into uninstrumented code on a receiver that may change;
	 * not at all otherwise (static calls, constructors and {@code super} calls, calls into instrumented code,
	 * calls on immutable values and on functional interfaces, and {@code getClass}).
	 *
	 * @param opcode the invoke instruction
	 * @param owner the class the call names
	 * @param name the method's name
	 * @param descriptor the method's descriptor
	 * @return {@link SiteKind#CALL_READ}, {@link SiteKind#CALL_WRITE}, {@link SiteKind#CAS}, or {@code null} when
	 *         the call is not reported
	 */
	SiteKind receiverAccess(int opcode, String owner, String name, String descriptor) {
		if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE || name.equals("getClass")
				|| GETTERS.getOrDefault(owner, Set.of()).contains(name) || isStateless(owner)
				|| !classes.callRunsUninstrumentedCode(owner, name, descriptor)) {
			return null;
		}
		if (COMPARE_AND_SET.contains(name) && descriptor.endsWith(")Z")) {
			return SiteKind.CAS;
		}
		return READ_ONLY.contains(name) ? SiteKind.CALL_READ : SiteKind.CALL_WRITE;
	}

	private boolean isStateless(String owner) {
		if (STATELESS_RECEIVERS.contains(owner)) {
			return true;
		}
		for (String prefix : STATELESS_PACKAGES) {
			if (owner.startsWith(prefix)) {
				return true;
			}
		}
		return !owner.startsWith("[") && !owner.equals("java/lang/Object")
				&& classes.isSubclassOf(owner, "java/lang/Enum");
	}

	/**
	 * A hook that replaces a call.
	 *
	 * @param hook the name of the {@code Hooks} method
	 * @param kind the site's kind
	 */
	record Replacement(String hook, SiteKind kind) {

		/**
		 * Returns the hook's descriptor: the call's receiver, if any, then its arguments, then the site id.
		 *
		 * @param descriptor the replaced method's descriptor
		 * @return the descriptor of the static hook
		 */
		String hookDescriptor(String descriptor) {
			int close = descriptor.indexOf(')');
			String arguments = descriptor.substring(1, close);
			String receiver = switch (kind) {
			case WAIT, NOTIFY, NOTIFY_ALL -> "Ljava/lang/Object;";
			case THREAD_START, THREAD_JOIN -> "Ljava/lang/Thread;";
			case CONDITION_AWAIT, CONDITION_SIGNAL -> "Ljava/util/concurrent/locks/Condition;";
			default -> "";
			};
			return "(" + receiver + arguments + "I)" + descriptor.substring(close + 1);
		}
	}
}
