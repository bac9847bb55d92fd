package dev.frontrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontrun.internal.runtime.AgentRuntime;
import org.junit.jupiter.api.Test;

/** The agent as a test JVM sees it. */
class AgentIT {

	@Test
	void theAgentAnnouncesItselfAndItsVersion() {
		assertTrue(Frontrun.isAgentActive());
		assertEquals(AgentRuntime.version(), System.getProperty(Frontrun.AGENT_VERSION_PROPERTY));
		assertTrue(AgentRuntime.version().matches("\\d+\\.\\d+\\.\\d+.*"), AgentRuntime.version());
	}

	@Test
	void theRuntimeIsLoadedOnceByTheBootstrapLoader() {
		assertNull(Frontrun.class.getClassLoader());
		assertNull(TraceExecutor.class.getClassLoader());
	}

	@Test
	void theJunitExtensionStaysOnTheTestClassPath() {
		assertEquals(AgentIT.class.getClassLoader(), dev.frontrun.junit.FrontrunExtension.class.getClassLoader());
	}
}
