/**
 * What frontrun ran during the current test, for the JUnit extension to publish as report entries.
 */
package dev.frontrun.internal.report;
