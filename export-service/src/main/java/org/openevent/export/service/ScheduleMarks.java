package org.openevent.export.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.persistence.Transactions;
import org.openevent.export.config.ExportConfig;
import org.openevent.export.repository.ScheduleWatermarkRepository;
import org.openevent.export.repository.ScheduleWatermarkRepository.Mark;

/**
 * How far this projection has seen an event's schedule: the watermark, advanced first when versions wait above it,
 * now or once it reaches a version. Waiting polls on Vert.x timers: no thread sleeps and no transaction stays open.
 */
@ApplicationScoped
public class ScheduleMarks {

    private final ScheduleWatermarkRepository watermarks;
    private final ExportConfig config;
    private final Vertx vertx;

    public ScheduleMarks(ScheduleWatermarkRepository watermarks, ExportConfig config, Vertx vertx) {
        this.watermarks = watermarks;
        this.config = config;
        this.vertx = vertx;
    }

    /** The watermark as of now: one read, plus a short advancing transaction only when versions wait above it. */
    public Uni<Mark> current(long eventId) {
        return watermarks.peek(eventId).flatMap(mark -> !mark.pending() ? Uni.createFrom().item(mark)
                : Transactions.run(() -> watermarks.advance(eventId)).flatMap(ignored -> watermarks.peek(eventId)));
    }

    /** The watermark once it reaches {@code version}, or as it is when {@code deadline} (nano time) passes. */
    public Uni<Mark> await(long eventId, long version, long deadline) {
        return current(eventId).flatMap(mark -> {
            if (mark.version() >= version || System.nanoTime() >= deadline) {
                return Uni.createFrom().item(mark);
            }
            long delay = Math.max(1, config.freshnessPollInterval().toMillis());
            return Uni.createFrom().<Void>emitter(emitter -> vertx.setTimer(delay, id -> emitter.complete(null)))
                    .flatMap(ignored -> await(eventId, version, deadline));
        });
    }
}
