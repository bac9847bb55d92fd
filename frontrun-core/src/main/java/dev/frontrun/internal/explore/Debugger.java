package dev.frontrun.internal.explore;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Whether a debugger can be attached to this JVM. Under a debugger a thread may stop at a breakpoint for as long
 * as the developer looks at it, so an exploration there waits without bounds instead of calling the execution
 * stuck, and a replay can be stepped through.
 */
final class Debugger {

	/** Whether this JVM was started with a JDWP agent. */
	static final boolean ATTACHED = isJdwp(ManagementFactory.getRuntimeMXBean().getInputArguments());

	private Debugger() {
	}

	/**
	 * Tells whether JVM arguments start a JDWP agent.
	 *
	 * @param jvmArguments the JVM's input arguments
	 * @return {@code true} for {@code -agentlib:jdwp=...}, {@code -Xrunjdwp:...} or {@code -Xdebug}
	 */
	static boolean isJdwp(List<String> jvmArguments) {
		return jvmArguments.stream().anyMatch(argument -> argument.startsWith("-agentlib:jdwp")
				|| argument.startsWith("-Xrunjdwp") || argument.equals("-Xdebug"));
	}
}
