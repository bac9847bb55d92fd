package dev.frontrun.internal.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON that replay files need: a reader of any JSON value into maps, lists, strings, {@code Long}s,
 * {@code Double}s, booleans and {@code null}, and the quoting of strings for writing.
 */
public final class Json {

	private final String text;
	private int at;

	private Json(String text) {
		this.text = text;
	}

	/**
	 * Parses a JSON text.
	 *
	 * @param text the text
	 * @return the value: a {@code Map<String, Object>}, a {@code List<Object>}, a {@code String}, a {@code Long},
	 *         a {@code Double}, a {@code Boolean}, or {@code null}
	 * @throws IllegalArgumentException if the text is not JSON, with where
	 */
	public static Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.skipSpace();
		if (json.at != text.length()) {
			throw json.error("unexpected text after the value");
		}
		return value;
	}

	/**
	 * Quotes a string for JSON.
	 *
	 * @param value the string
	 * @return the quoted string, or {@code null} for {@code null}
	 */
	public static String quote(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
			case '"' -> quoted.append("\\\"");
			case '\\' -> quoted.append("\\\\");
			case '\n' -> quoted.append("\\n");
			case '\r' -> quoted.append("\\r");
			case '\t' -> quoted.append("\\t");
			default -> {
				if (c < 0x20) {
					quoted.append(String.format("\\u%04x", (int) c));
				} else {
					quoted.append(c);
				}
			}
			}
		}
		return quoted.append('"').toString();
	}

	private Object value() {
		skipSpace();
		if (at >= text.length()) {
			throw error("a value is missing");
		}
		char c = text.charAt(at);
		return switch (c) {
		case '{' -> object();
		case '[' -> array();
		case '"' -> string();
		case 't' -> literal("true", Boolean.TRUE);
		case 'f' -> literal("false", Boolean.FALSE);
		case 'n' -> literal("null", null);
		default -> number();
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> members = new LinkedHashMap<>();
		at++;
		skipSpace();
		if (peek() == '}') {
			at++;
			return members;
		}
		while (true) {
			skipSpace();
			if (peek() != '"') {
				throw error("a member name in quotes was expected");
			}
			String name = string();
			skipSpace();
			expect(':');
			members.put(name, value());
			skipSpace();
			if (peek() == ',') {
				at++;
			} else {
				expect('}');
				return members;
			}
		}
	}

	private List<Object> array() {
		List<Object> elements = new ArrayList<>();
		at++;
		skipSpace();
		if (peek() == ']') {
			at++;
			return elements;
		}
		while (true) {
			elements.add(value());
			skipSpace();
			if (peek() == ',') {
				at++;
			} else {
				expect(']');
				return elements;
			}
		}
	}

	private String string() {
		StringBuilder value = new StringBuilder();
		at++;
		while (true) {
			if (at >= text.length()) {
				throw error("a string is not closed");
			}
			char c = text.charAt(at++);
			if (c == '"') {
				return value.toString();
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			if (at >= text.length()) {
				throw error("a string is not closed");
			}
			char escaped = text.charAt(at++);
			switch (escaped) {
			case '"', '\\', '/' -> value.append(escaped);
			case 'b' -> value.append('\b');
			case 'f' -> value.append('\f');
			case 'n' -> value.append('\n');
			case 'r' -> value.append('\r');
			case 't' -> value.append('\t');
			case 'u' -> {
				if (at + 4 > text.length()) {
					throw error("a \\u escape is cut short");
				}
				try {
					value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
				} catch (NumberFormatException e) {
					throw error("a \\u escape is not hexadecimal");
				}
				at += 4;
			}
			default -> throw error("unknown escape \\" + escaped);
			}
		}
	}

	private Object number() {
		int start = at;
		while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
			at++;
		}
		String number = text.substring(start, at);
		if (number.isEmpty()) {
			throw error("unexpected character '" + text.charAt(start) + "'");
		}
		try {
			if (number.contains(".") || number.contains("e") || number.contains("E")) {
				return Double.valueOf(number);
			}
			return Long.valueOf(number);
		} catch (NumberFormatException e) {
			at = start;
			throw error("'" + number + "' is not a number");
		}
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, at)) {
			throw error("unexpected text");
		}
		at += word.length();
		return value;
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("'" + c + "' was expected");
		}
		at++;
	}

	private char peek() {
		return at < text.length() ? text.charAt(at) : '\0';
	}

	private void skipSpace() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}

	private IllegalArgumentException error(String what) {
		int line = 1;
		int column = 1;
		for (int i = 0; i < Math.min(at, text.length()); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				column = 1;
			} else {
				column++;
			}
		}
		return new IllegalArgumentException("Not valid JSON at line " + line + ", column " + column + ": " + what);
	}
}
