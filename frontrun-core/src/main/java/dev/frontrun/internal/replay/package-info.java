/**
 * The little JSON that replay files ({@link dev.frontrun.ReplaySchedule}) need, without a library.
 */
package dev.frontrun.internal.replay;
