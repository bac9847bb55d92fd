package dev.frontrun.internal.engine;

/**
 * Two conflicting steps of different threads with nothing ordering them but their own conflict: running them the
 * other way round gives a different trace. For locks, the steps are two acquisitions of the same lock (the earlier
 * holder's and the next one's).
 *
 * @param earlier the step that ran first
 * @param later the step that ran second
 */
public record Race(Step earlier, Step later) {
}
