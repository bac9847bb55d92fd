/**
 * What instrumented code calls ({@link dev.frontrun.internal.runtime.Hooks}, and behind it a
 * {@link dev.frontrun.internal.runtime.HookHandler}), the registry of instrumented sites, and the state the agent
 * leaves for the rest of the runtime.
 */
package dev.frontrun.internal.runtime;
