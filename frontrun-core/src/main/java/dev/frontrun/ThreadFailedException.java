package dev.frontrun;

/**
 * An exception thrown in a thread run by a {@link TraceExecutor}, rethrown from
 * {@link TraceExecutor#await(java.time.Duration)} with the thread's name; the original, with its stack, is the
 * cause.
 *
 * @since 0.1.0
 */
public class ThreadFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String threadName;

	/**
	 * Creates the exception.
	 *
	 * @param threadName the name the thread was given
	 * @param cause what the thread threw
	 */
	public ThreadFailedException(String threadName, Throwable cause) {
		super("Thread '" + threadName + "' failed: " + cause, cause);
		this.threadName = threadName;
	}

	/**
	 * Returns the name of the thread that failed.
	 *
	 * @return the name given to {@link TraceExecutor#run(String, Runnable)}
	 */
	public String threadName() {
		return threadName;
	}
}
