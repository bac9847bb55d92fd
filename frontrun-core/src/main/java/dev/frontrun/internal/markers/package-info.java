/**
 * Trace markers: finding {@code // frontrun: name} comments in the source roots and mapping them to lines.
 */
package dev.frontrun.internal.markers;
