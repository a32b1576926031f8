package org.openevent.stats;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.openevent.common.contract.Topics;

/**
 * Starts every test run of this module on empty topics: deletes this module's test topics (prefix
 * {@code test.stats-service.}) and its consumer group, and creates the topics afresh, before the application starts.
 * The test database starts empty too, so the reconciliation's replay sees exactly what the figures were built from.
 */
public class FreshTopics implements QuarkusTestResourceLifecycleManager {

    static final String PREFIX = "test.stats-service.";
    static final String GROUP = "stats-service-figures-test";
    static final List<String> TOPICS = List.of(Topics.EVENTS, Topics.SESSIONS, Topics.USERS, Topics.MAILS,
            Topics.GROUPS);

    @Override
    public Map<String, String> start() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        try (Admin admin = Admin.create(props)) {
            Set<String> old = topics(admin);
            if (!old.isEmpty()) {
                admin.deleteTopics(old).all().get();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!topics(admin).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The old test topics are still there: " + topics(admin));
                }
                Thread.sleep(200);
            }
            try {
                admin.deleteConsumerGroups(List.of(GROUP)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            admin.createTopics(TOPICS.stream().map(topic -> new NewTopic(PREFIX + topic, 3, (short) 1)).toList())
                    .all().get();
            return Map.of();
        } catch (Exception e) {
            throw new IllegalStateException("Could not give the tests fresh topics", e);
        }
    }

    private static Set<String> topics(Admin admin) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream().filter(name -> name.startsWith(PREFIX))
                .collect(Collectors.toSet());
    }

    @Override
    public void stop() {
    }
}
