package dev.frontrun.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class FrontrunExtensionTest {

	@Test
	void withoutTheAgentAFrontrunTestIsSkippedWithTheCommandToRunIt() throws Exception {
		EngineTestKit.engine("junit-jupiter").selectors(selectClass(Class.forName("example.junit.SampleMarkerCase")))
				.execute().testEvents()
				.assertThatEvents().haveExactly(1, event(test("lostUpdate"),
						skippedWithReason(reason -> reason.contains("mvn frontrun:test"))));
	}
}
