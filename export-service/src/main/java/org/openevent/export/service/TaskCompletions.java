package org.openevent.export.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes the task requests waiting on a task (long polls) when this process finishes it. Waiters register before
 * they read the task, so a finish between their reading and their waiting is not missed; a task another replica
 * finishes is seen when the waiter reads it again.
 */
@ApplicationScoped
public class TaskCompletions {

    private final Map<UUID, List<Runnable>> waiting = new ConcurrentHashMap<>();

    /** Runs {@code wake} once when this process finishes the task; the returned action forgets it. */
    public Runnable onFinish(UUID taskId, Runnable wake) {
        waiting.compute(taskId, (id, wakes) -> {
            List<Runnable> list = wakes == null ? new ArrayList<>(1) : wakes;
            list.add(wake);
            return list;
        });
        return () -> waiting.computeIfPresent(taskId, (id, wakes) -> {
            wakes.remove(wake);
            return wakes.isEmpty() ? null : wakes;
        });
    }

    /** Wakes everything waiting on the task, which this process has just finished (committed). */
    void finished(UUID taskId) {
        List<Runnable> wakes = waiting.remove(taskId);
        if (wakes != null) {
            wakes.forEach(Runnable::run);
        }
    }
}
