package dev.frontrun.surefire;

import java.util.Map;

/**
 * Writes one flat JSON object, pretty-printed with two-space indentation, with string, integer, {@code null}
 * and string-map members. Strings are escaped as RFC 8259 requires: quotation mark, reverse solidus and every
 * control character below U+0020; U+2028 and U+2029 are escaped too, so the output is also valid JavaScript.
 */
final class JsonWriter {

	private final StringBuilder out = new StringBuilder("{");
	private boolean first = true;

	/**
	 * Adds a string member.
	 *
	 * @param name the member's name
	 * @param value the value; {@code null} is written as {@code null}
	 * @return this writer
	 */
	JsonWriter member(String name, String value) {
		name(name);
		if (value == null) {
			out.append("null");
		} else {
			quote(value, out);
		}
		return this;
	}

	/**
	 * Adds an integer member.
	 *
	 * @param name the member's name
	 * @param value the value; {@code null} is written as {@code null}
	 * @return this writer
	 */
	JsonWriter member(String name, Long value) {
		name(name);
		out.append(value == null ? "null" : value.toString());
		return this;
	}

	/**
	 * Adds a member whose value is an object of string members, in the map's iteration order.
	 *
	 * @param name the member's name
	 * @param values the object's members
	 * @return this writer
	 */
	JsonWriter member(String name, Map<String, String> values) {
		name(name);
		if (values.isEmpty()) {
			out.append("{}");
			return this;
		}
		out.append('{');
		boolean firstValue = true;
		for (Map.Entry<String, String> entry : values.entrySet()) {
			out.append(firstValue ? "\n    " : ",\n    ");
			firstValue = false;
			quote(entry.getKey(), out);
			out.append(": ");
			if (entry.getValue() == null) {
				out.append("null");
			} else {
				quote(entry.getValue(), out);
			}
		}
		out.append("\n  }");
		return this;
	}

	private void name(String name) {
		out.append(first ? "\n  " : ",\n  ");
		first = false;
		quote(name, out);
		out.append(": ");
	}

	/**
	 * Closes the object.
	 *
	 * @return the JSON text, ending with a line feed
	 */
	String finish() {
		return out.append(first ? "}\n" : "\n}\n").toString();
	}

	/**
	 * Appends a JSON string literal.
	 *
	 * @param value the string
	 * @param out where to append the quoted, escaped string
	 */
	static void quote(String value, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
			case '"':
				out.append("\\\"");
				break;
			case '\\':
				out.append("\\\\");
				break;
			case '\n':
				out.append("\\n");
				break;
			case '\r':
				out.append("\\r");
				break;
			case '\t':
				out.append("\\t");
				break;
			case '\b':
				out.append("\\b");
				break;
			case '\f':
				out.append("\\f");
				break;
			default:
				if (c < 0x20 || c == '\u2028' || c == '\u2029') {
					out.append(String.format("\\u%04x", (int) c));
				} else {
					out.append(c);
				}
			}
		}
		out.append('"');
	}
}
