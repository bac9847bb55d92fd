/**
 * Bytecode instrumentation with ASM: which classes are in scope, and the visitors that insert frontrun's hooks.
 */
package dev.frontrun.internal.instrument;
