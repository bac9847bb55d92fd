/**
 * What instrumented code calls, and the state the agent leaves for the rest of the runtime.
 */
package dev.frontrun.internal.runtime;
