package org.openevent.common.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and writes raw records on the real broker so tests can observe what services publish. Topic names
 * are the logical ones ({@code Topics.EVENTS}); the running test's own namespace
 * ({@code openevent.messaging.topic-prefix}, {@code test.<service>.} in the test profile) is added here, so
 * the tests of one module never see another module's records.
 */
public final class KafkaProbe {

    /** The test profile's {@code openevent.messaging.topic-prefix} of the module under test. */
    public static final String TEST_TOPIC_PREFIX = topicPrefix();

    private KafkaProbe() {
    }

    /** The topic prefix of the running Quarkus test application. */
    public static String topicPrefix() {
        return ConfigProvider.getConfig().getOptionalValue("openevent.messaging.topic-prefix", String.class)
                .orElseThrow(() -> new IllegalStateException("openevent.messaging.topic-prefix is not set"));
    }

    /** Waits for the first record on {@code topic} (read from the beginning) that matches, or fails. */
    public static ConsumerRecord<String, String> await(String bootstrap, String topic,
                                                       Predicate<ConsumerRecord<String, String>> match,
                                                       Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(TEST_TOPIC_PREFIX + topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + timeout);
    }

    /** Publishes one raw record and waits for the broker's acknowledgement. */
    public static void send(String bootstrap, String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(TEST_TOPIC_PREFIX + topic, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not publish to " + topic, e);
        }
    }

    /** Follows {@code topic} from its current end: only records published after this call are seen. */
    public static Tail tail(String bootstrap, String topic) {
        return new Tail(bootstrap, topicPrefix() + topic);
    }

    /** A consumer positioned at the end of every partition of one topic (created when missing). */
    public static final class Tail implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final String topic;

        Tail(String bootstrap, String topic) {
            this.topic = topic;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                // Asking for the partitions makes the broker create the topic when it does not exist yet.
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            if (partitions.isEmpty()) {
                consumer.close();
                throw new AssertionError("Topic " + topic + " has no partitions");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Waits for the first new record that matches, or fails. */
        public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
            List<ConsumerRecord<String, String>> found = collect(1, match, timeout);
            return found.get(0);
        }

        /** Collects {@code count} new matching records in the order this consumer saw them, or fails. */
        public List<ConsumerRecord<String, String>> collect(int count, Predicate<ConsumerRecord<String, String>> match,
                                                            Duration timeout) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    if (match.test(record) && found.size() < count) {
                        found.add(record);
                    }
                }
            }
            if (found.size() < count) {
                throw new AssertionError("Only " + found.size() + " of " + count + " matching records on " + topic
                        + " within " + timeout);
            }
            return found;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
