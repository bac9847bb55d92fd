package dev.frontrun.internal.agent;

/**
 * The agent's messages, on standard error: a Surefire fork's standard output is its command channel.
 */
public final class AgentLog {

	private AgentLog() {
	}

	/**
	 * Prints a warning.
	 *
	 * @param message what went wrong and what frontrun did about it
	 */
	public static void warn(String message) {
		System.err.println("[frontrun] WARNING: " + message);
	}
}
