package dev.frontrun.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameSuggestionTest {

	@Test
	void suggestsTheNearestNameWithinTwoEdits() {
		List<String> known = List.of("read_balance", "write_balance");
		assertEquals(Optional.of("write_balance"), NameSuggestion.closest("write_balanse", known));
		assertEquals(Optional.of("read_balance"), NameSuggestion.closest("red_balance", known));
		assertEquals(Optional.empty(), NameSuggestion.closest("transfer", known));
		assertEquals(Optional.empty(), NameSuggestion.closest("read_balance", known), "an exact name is no typo");
	}
}
