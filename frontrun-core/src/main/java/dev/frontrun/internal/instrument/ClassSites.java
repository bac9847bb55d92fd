package dev.frontrun.internal.instrument;

import dev.frontrun.internal.runtime.Site;
import dev.frontrun.internal.runtime.SiteKind;
import dev.frontrun.internal.runtime.Sites;

/**
 * Registers the sites of the class being instrumented in {@link Sites}, and counts them.
 */
final class ClassSites {

	private final String className;
	private final String sourceFile;
	private int registered;

	/**
	 * Creates the registrar of one class.
	 *
	 * @param className the class's internal name
	 * @param sourceFile its source file, {@code null} when unknown
	 */
	ClassSites(String className, String sourceFile) {
		this.className = className;
		this.sourceFile = sourceFile;
	}

	/**
	 * Registers one site.
	 *
	 * @param methodName the method holding the instruction
	 * @param line its line, or {@link Site#UNKNOWN_LINE}
	 * @param kind what it does
	 * @param member what it names, as {@link Site} requires for the kind
	 * @return the site's id
	 */
	int register(String methodName, int line, SiteKind kind, Site.Member member) {
		registered++;
		return Sites.register(new Site(className, sourceFile, methodName, line, kind, member));
	}

	/**
	 * Tells whether any site was registered, and so whether the class changed.
	 *
	 * @return {@code true} after the first {@link #register}
	 */
	boolean any() {
		return registered > 0;
	}
}
