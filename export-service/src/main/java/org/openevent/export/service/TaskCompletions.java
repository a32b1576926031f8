package org.openevent.export.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wakes the task requests waiting on a task (long polls) when this process finishes it. Waiters register before
 * they read the task, so a finish between their reading and their waiting is not missed; a task another replica
 * finishes is seen when the waiter reads it again. {@code openevent_export_task_waiting} counts the waiters.
 */
@ApplicationScoped
public class TaskCompletions {

    private final Map<UUID, List<Runnable>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger waiters = new AtomicInteger();
    private final MeterRegistry registry;
    private final Gauge gauge;

    public TaskCompletions(MeterRegistry registry) {
        this.registry = registry;
        this.gauge = Gauge.builder("openevent.export.task.waiting", waiters, AtomicInteger::get)
                .description("Task requests waiting for their task to finish (Prefer: wait)")
                .register(registry);
    }

    /**
     * Takes the gauge out of the registry with this instance: a registry outlives an application that is stopped and
     * started again in one JVM (as tests do), and would otherwise keep reading this instance's count.
     */
    @PreDestroy
    void unregister() {
        registry.remove(gauge);
    }

    /** Runs {@code wake} once when this process finishes the task; the returned action forgets it. */
    public Runnable onFinish(UUID taskId, Runnable wake) {
        waiting.compute(taskId, (id, wakes) -> {
            List<Runnable> list = wakes == null ? new ArrayList<>(1) : wakes;
            list.add(wake);
            waiters.incrementAndGet();
            return list;
        });
        return () -> waiting.computeIfPresent(taskId, (id, wakes) -> {
            if (wakes.remove(wake)) {
                waiters.decrementAndGet();
            }
            return wakes.isEmpty() ? null : wakes;
        });
    }

    /** Wakes everything waiting on the task, which this process has just finished (committed). */
    void finished(UUID taskId) {
        List<Runnable> wakes = waiting.remove(taskId);
        if (wakes != null) {
            waiters.addAndGet(-wakes.size());
            wakes.forEach(Runnable::run);
        }
    }
}
