package dev.frontrun.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class FrontrunExtensionIT {

	@Test
	void withTheAgentAFrontrunTestRunsAndPublishesWhatFrontrunRan() throws Exception {
		Events events = EngineTestKit.engine("junit-jupiter")
				.selectors(selectClass(Class.forName("example.junit.SampleMarkerCase"))).execute().testEvents();
		events.assertStatistics(stats -> stats.succeeded(1).failed(0).skipped(0));
		List<Map<String, String>> entries = events.reportingEntryPublished()
				.map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
		assertEquals(List.of(Map.of("frontrun.approach", "trace-markers", "frontrun.executions", "1")), entries);
	}
}
