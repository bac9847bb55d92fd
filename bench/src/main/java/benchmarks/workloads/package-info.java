/**
 * The benchmark workloads. This package is outside {@code dev.frontrun.*} on purpose: frontrun's agent instruments
 * classes loaded from a class directory except its own, so these are seen the way a user's classes are.
 */
package benchmarks.workloads;
