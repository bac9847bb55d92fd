package dev.frontrun.internal.instrument;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the instrumenter asks about a class other than the one it instruments: its supertypes, its fields'
 * modifiers, the methods it implements, and where its class file comes from. Read from the class file, never by
 * loading the class.
 *
 * @param name the internal name
 * @param superName the superclass's internal name, {@code null} for {@code java/lang/Object}
 * @param interfaces the direct superinterfaces' internal names
 * @param fieldAccess each declared field's access flags, by {@link #memberKey(String, String) name and type}
 * @param implementedMethods the declared methods that have a body, by {@link #memberKey(String, String) name and
 *        descriptor}
 * @param fromClassDirectory whether the class file was found in a directory rather than in a jar or the JDK
 */
record ClassShape(String name, String superName, List<String> interfaces, Map<String, Integer> fieldAccess,
		Set<String> implementedMethods, boolean fromClassDirectory) {

	ClassShape {
		interfaces = List.copyOf(interfaces);
		fieldAccess = Map.copyOf(fieldAccess);
		implementedMethods = Set.copyOf(implementedMethods);
	}

	/**
	 * Returns the key that identifies a field or a method among a class's members.
	 *
	 * @param name the member's name
	 * @param descriptor its type or method descriptor
	 * @return the key
	 */
	static String memberKey(String name, String descriptor) {
		return name + descriptor;
	}
}
