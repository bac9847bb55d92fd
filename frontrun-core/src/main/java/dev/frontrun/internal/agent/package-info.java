/**
 * The java agent: its entry point, its options, and its log.
 */
package dev.frontrun.internal.agent;
