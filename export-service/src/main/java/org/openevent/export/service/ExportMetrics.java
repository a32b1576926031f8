package org.openevent.export.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Export figures for operators: how long a task took from request to result ({@code openevent_export_duration_seconds},
 * by format and final state) and how large the rendered files are ({@code openevent_export_size_bytes}, by format).
 */
@ApplicationScoped
public class ExportMetrics {

    // A calendar is usually ready within a second; the freshness wait allows 30 s and a stranded task minutes.
    private static final Duration[] DURATION_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};
    // From an empty calendar to one of tens of thousands of sessions (about 1 KB each).
    private static final double[] SIZE_BUCKETS = {1e3, 1e4, 1e5, 1e6, 1e7, 5e7};

    private final MeterRegistry registry;

    public ExportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a task that reached its final state; {@code bytes} is the file's size, or null without a file. */
    public void finished(String format, String state, OffsetDateTime requestedAt, Long bytes) {
        Timer.builder("openevent.export.duration")
                .description("From the export request to the task's final state")
                .tag("format", format).tag("state", state)
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry)
                .record(Duration.between(requestedAt, OffsetDateTime.now()));
        if (bytes != null) {
            DistributionSummary.builder("openevent.export.size")
                    .description("Size of the rendered export files").baseUnit("bytes")
                    .tag("format", format)
                    .serviceLevelObjectives(SIZE_BUCKETS)
                    .register(registry)
                    .record(bytes);
        }
    }
}
