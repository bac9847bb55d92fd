package dev.frontrun.internal.runtime;

/**
 * Stops a frontrun entry point that is called without the agent, the JUnit way: a test that needs the agent is
 * reported as skipped, with the reason, rather than failed or left hanging.
 */
public final class AgentRequirement {

	/** Why a test was skipped, and how to run it. */
	public static final String REASON = "the frontrun java agent is not attached to this JVM: run this test with "
			+ "`mvn frontrun:test`, or add the frontrun:prepare-agent goal to run it with plain `mvn test`";

	private static final String ABORTED_EXCEPTION = "org.opentest4j.TestAbortedException";

	private AgentRequirement() {
	}

	/**
	 * Returns normally when the agent is attached; otherwise aborts the calling test.
	 *
	 * @param entryPoint what was called, for the message, such as {@code TraceExecutor}
	 * @throws RuntimeException {@code org.opentest4j.TestAbortedException} where JUnit is on the class path,
	 *         else {@link IllegalStateException}
	 */
	public static void require(String entryPoint) {
		if (AgentRuntime.isActive()) {
			return;
		}
		String message = entryPoint + " cannot run because " + REASON;
		RuntimeException aborted;
		try {
			Class<?> type = Class.forName(ABORTED_EXCEPTION, true, Thread.currentThread().getContextClassLoader());
			aborted = (RuntimeException) type.getConstructor(String.class).newInstance(message);
		} catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
			aborted = new IllegalStateException(message);
		}
		throw aborted;
	}
}
