package dev.frontrun.internal.explore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DebuggerTest {

	@Test
	void aJdwpAgentMeansADebuggerCanStopThreads() {
		assertTrue(Debugger.isJdwp(List.of("-Xmx1g", "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005")));
		assertTrue(Debugger.isJdwp(List.of("-Xdebug", "-Xrunjdwp:transport=dt_socket,address=8000")));
		assertFalse(Debugger.isJdwp(List.of("-javaagent:frontrun-core-agent.jar", "-Dfrontrun.sourceRoots=/src")));
	}

	@Test
	void theTestJvmHasNoDebugger() {
		assertFalse(Debugger.ATTACHED);
	}
}
