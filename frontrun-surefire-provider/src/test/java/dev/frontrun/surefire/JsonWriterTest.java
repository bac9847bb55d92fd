package dev.frontrun.surefire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

	@Test
	void writesMembersInOrderWithTwoSpaceIndentation() {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("frontrun.approach", "dpor");
		entries.put("frontrun.executions", "3");
		String json = new JsonWriter().member("name", "value").member("count", 42L).member("none", (String) null)
				.member("missing", (Long) null).member("entries", entries).member("empty", Map.of()).finish();
		assertEquals("{\n"
				+ "  \"name\": \"value\",\n"
				+ "  \"count\": 42,\n"
				+ "  \"none\": null,\n"
				+ "  \"missing\": null,\n"
				+ "  \"entries\": {\n"
				+ "    \"frontrun.approach\": \"dpor\",\n"
				+ "    \"frontrun.executions\": \"3\"\n"
				+ "  },\n"
				+ "  \"empty\": {}\n"
				+ "}\n", json);
	}

	@Test
	void writesAnEmptyObject() {
		assertEquals("{}\n", new JsonWriter().finish());
	}

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		StringBuilder out = new StringBuilder();
		JsonWriter.quote("a\"b\\c/d\n\r\t\b\f\u0000\u001f\u007f", out);
		assertEquals("\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0000\\u001f\u007f\"", out.toString());
	}

	@Test
	void escapesLineAndParagraphSeparatorsButKeepsOtherUnicode() {
		StringBuilder out = new StringBuilder();
		JsonWriter.quote("é→\uD83D\uDE00\u2028\u2029", out);
		assertEquals("\"é→\uD83D\uDE00\\u2028\\u2029\"", out.toString());
	}

	@Test
	void escapesNamesAndMapEntriesToo() {
		String json = new JsonWriter().member("we\"ird", Map.of("k\n", "v\\")).finish();
		assertEquals("{\n  \"we\\\"ird\": {\n    \"k\\n\": \"v\\\\\"\n  }\n}\n", json);
	}
}
