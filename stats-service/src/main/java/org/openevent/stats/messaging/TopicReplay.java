package org.openevent.stats.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openevent.common.messaging.MessagingConfig;

/**
 * Reads topics from their beginning, for the reconciliation: a consumer of its own that is assigned every partition
 * (no group, nothing committed), and a look at how far the live consumer group has got. Blocking: call it from a
 * worker thread.
 */
@ApplicationScoped
public class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrap;
    private final String prefix;
    private final String liveGroup;

    public TopicReplay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MessagingConfig messaging,
                       @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id") String liveGroup) {
        this.bootstrap = bootstrap;
        this.prefix = messaging.topicPrefix().orElse("");
        this.liveGroup = liveGroup;
    }

    /** A reader of the given topics (logical names), positioned at their beginning. */
    public Reader open(List<String> topics, int batchSize) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (String topic : topics) {
            names.put(prefix + topic, topic);
            List<PartitionInfo> found = consumer.partitionsFor(prefix + topic);
            if (found != null) {
                found.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new Reader(consumer, partitions, names);
    }

    /**
     * Waits until the live consumer group has committed at least {@code end} on every partition (it has processed
     * everything the replay read); false when it has not within {@code timeout}.
     */
    public boolean awaitLiveGroup(Map<TopicPartition, Long> end, Duration timeout) throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed;
                try {
                    committed = admin.listConsumerGroupOffsets(liveGroup).partitionsToOffsetAndMetadata().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    committed = Map.of();
                }
                if (caughtUp(committed, end)) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(250);
            }
        }
    }

    private static boolean caughtUp(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            OffsetAndMetadata offset = committed.get(partition.getKey());
            if (partition.getValue() > 0 && (offset == null || offset.offset() < partition.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Reads its partitions up to their end offsets, batch by batch; each catch-up continues where the last ended. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<TopicPartition> partitions;
        private final Map<String, String> logicalNames;
        private Map<TopicPartition, Long> end = Map.of();

        Reader(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
               Map<String, String> logicalNames) {
            this.consumer = consumer;
            this.partitions = partitions;
            this.logicalNames = logicalNames;
        }

        /** Reads everything up to the partitions' current ends; yields the number of records read per topic. */
        public Map<String, Long> catchUp(Consumer<List<ConsumerRecord<String, String>>> batches) {
            end = consumer.endOffsets(partitions);
            Map<String, Long> read = new HashMap<>();
            while (!reachedEnd()) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                ConsumerRecords<String, String> polled = consumer.poll(POLL);
                for (TopicPartition partition : polled.partitions()) {
                    for (ConsumerRecord<String, String> record : polled.records(partition)) {
                        if (record.offset() >= end.get(partition)) {
                            // Beyond this catch-up's end: the next catch-up reads it.
                            consumer.seek(partition, end.get(partition));
                            break;
                        }
                        batch.add(record);
                        read.merge(logicalNames.get(record.topic()), 1L, Long::sum);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                }
            }
            return read;
        }

        /** The end offsets the last catch-up read up to. */
        public Map<TopicPartition, Long> endOffsets() {
            return end;
        }

        private boolean reachedEnd() {
            for (TopicPartition partition : partitions) {
                if (consumer.position(partition) < end.get(partition)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
