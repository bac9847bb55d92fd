package dev.frontrun.internal.markers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerScannerTest {

	@Test
	void markerAtTheEndOfALineGatesThatLine() {
		SourceMarkers markers = MarkerScanner.scan("""
				class A {
				  void f() {
				    int c = balance; // frontrun: read_balance
				    balance = c + 1;   //frontrun:write_balance
				  }
				}
				""");
		assertEquals(List.of("read_balance"), markers.at(3));
		assertEquals(List.of("write_balance"), markers.at(4));
	}

	@Test
	void markerAloneOnALineGatesTheNextLineWithCode() {
		SourceMarkers markers = MarkerScanner.scan("""
				void f() {
				  // frontrun: read_value

				  // an ordinary comment
				  /* and a block
				     comment */
				  int temp = value;
				}
				""");
		assertEquals(List.of("read_value"), markers.at(7));
		assertEquals(1, markers.names().size());
	}

	@Test
	void twoMarkersBeforeOneStatementGateItInOrder() {
		SourceMarkers markers = MarkerScanner.scan("""
				// frontrun: first
				// frontrun: second
				x = 1;
				""");
		assertEquals(List.of("first", "second"), markers.at(3));
	}

	@Test
	void slashesInsideLiteralsAreNotComments() {
		SourceMarkers markers = MarkerScanner.scan("""
				String a = "// frontrun: in_string";
				char c = '"'; String b = "\\"// frontrun: escaped";
				String t = \"""
				    // frontrun: in_text_block
				    \""";
				int real = 1; // frontrun: real
				""");
		assertEquals(List.of("real"), markers.at(6));
		assertEquals(1, markers.names().size());
	}

	@Test
	void markersInsideBlockCommentsAreIgnored() {
		SourceMarkers markers = MarkerScanner.scan("""
				/*
				// frontrun: commented_out
				*/
				int x = 1; /* inline */ // frontrun: after_block
				""");
		assertEquals(List.of("after_block"), markers.at(4));
		assertEquals(1, markers.names().size());
	}

	@Test
	void otherCommentsAreNotMarkers() {
		assertTrue(MarkerScanner.scan("int x = 1; // see frontrun: docs\n// frontrun:\nint y;").isEmpty());
	}
}
