package dev.frontrun.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frontrun.internal.engine.SearchOrder.Kind;
import org.junit.jupiter.api.Test;

/** Options are checked when made, and search orders read from text. */
class OptionsTest {

	@Test
	void readsSearchOrders() {
		assertEquals(SearchOrder.dfs(), SearchOrder.parse("dfs"));
		assertEquals(new SearchOrder(Kind.ROUND_ROBIN, 7), SearchOrder.parse("round-robin:7"));
		assertEquals(new SearchOrder(Kind.BIT_REVERSAL, 0), SearchOrder.parse(" Bit-Reversal "));
		assertEquals(new SearchOrder(Kind.CONFLICT_FIRST, -2), SearchOrder.parse("conflict-first: -2"));
		for (Kind kind : Kind.values()) {
			SearchOrder order = new SearchOrder(kind, kind == Kind.DFS ? 0 : 3);
			assertEquals(order, SearchOrder.parse(order.toString()));
		}
	}

	@Test
	void refusesUnknownOrdersAndBadSeeds() {
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
				() -> SearchOrder.parse("sideways"));
		assertEquals("Unknown search order 'sideways': use one of dfs, bit-reversal, round-robin, stride, "
				+ "conflict-first, optionally followed by :seed", unknown.getMessage());
		assertThrows(IllegalArgumentException.class, () -> SearchOrder.parse("stride:x"));
		assertThrows(IllegalArgumentException.class, () -> SearchOrder.parse("dfs:1"));
	}

	@Test
	void checksExplorerOptions() {
		ExplorerOptions defaults = ExplorerOptions.defaults();
		assertNull(defaults.preemptionBound());
		assertEquals(SearchOrder.dfs(), defaults.searchOrder());
		assertEquals(Long.MAX_VALUE, defaults.maxExecutions());
		assertEquals(2, defaults.withPreemptionBound(2).preemptionBound());
		assertThrows(IllegalArgumentException.class, () -> defaults.withPreemptionBound(-1));
		assertThrows(IllegalArgumentException.class, () -> defaults.withMaxExecutions(0));
		assertThrows(NullPointerException.class, () -> defaults.withSearchOrder(null));
	}
}
