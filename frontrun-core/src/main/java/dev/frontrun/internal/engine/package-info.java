/**
 * The exploration engine: optimal dynamic partial-order reduction over abstract operations, choosing which thread runs next.
 */
package dev.frontrun.internal.engine;
