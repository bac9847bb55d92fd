package dev.frontrun.internal.engine;

/**
 * A thread that could not run when its execution ended, and why.
 *
 * @param thread the blocked thread
 * @param waitingFor the operation it is waiting to perform: an {@link AccessKind#ACQUIRE} or a {@link AccessKind#JOIN}
 * @param blocker the thread that holds the lock, or the thread being joined; -1 for a thread waiting to be notified
 */
public record BlockedThread(int thread, Operation waitingFor, int blocker) {
}
