/**
 * JUnit 5 integration: {@link dev.frontrun.junit.FrontrunTest} marks a test that uses frontrun, and skips it
 * with a reason where the frontrun agent is not attached.
 */
package dev.frontrun.junit;
