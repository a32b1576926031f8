package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openevent.common.contract.ResourceOwners;
import org.openevent.common.resource.DocumentVersions;
import org.openevent.common.resource.IncludeTree;
import org.openevent.common.resource.Relationship;
import org.openevent.common.resource.RemoteResources;
import org.openevent.common.resource.ResourceRegistry;
import org.openevent.common.resource.ResourceRules;
import org.openevent.event.repository.EventContentRepository;

/**
 * The content token of an anonymous event document: the event's content version here and, when the document
 * includes sessions, speakers, tracks, rooms or session types, session-service's content version of the event,
 * asked for at the time of the request; for lists, the version of all events together. Documents that include anything else another service owns (users, for
 * one), or a path beneath such a resource, have no token and are not kept.
 */
@ApplicationScoped
public class EventDocumentVersions implements DocumentVersions {

    /** Services whose content version of an event covers everything they render into its documents. */
    private static final Set<String> VERSIONED_OWNERS = Set.of(ResourceOwners.SESSION_SERVICE);

    private final ResourceRegistry registry;
    private final EventContentRepository events;
    private final RemoteResources remote;

    public EventDocumentVersions(ResourceRegistry registry, EventContentRepository events, RemoteResources remote) {
        this.registry = registry;
        this.events = events;
        this.remote = remote;
    }

    @Override
    public String collection() {
        return "events";
    }

    @Override
    public Uni<String> token(String reference, IncludeTree include) {
        Set<String> owners = new TreeSet<>();
        if (!covered("event", include, owners)) {
            return Uni.createFrom().nullItem();
        }
        if (reference == null) {
            // A list has no event to ask another service about.
            return owners.isEmpty() ? events.everyEvent().map(version -> "*:" + version) : Uni.createFrom().nullItem();
        }
        return events.find(reference).flatMap(event -> {
            if (event == null) {
                return Uni.createFrom().nullItem();
            }
            String local = event.eventId() + ":" + event.version();
            if (owners.isEmpty()) {
                return Uni.createFrom().item(local);
            }
            // Only session-service can be among the owners (VERSIONED_OWNERS).
            return remote.contentVersion(ResourceOwners.SESSION_SERVICE, event.eventId())
                    .map(version -> version < 0 ? null : local + ":" + version)
                    .onFailure().recoverWithNull();
        });
    }

    /** True when every include path below {@code type} is served here or by a service with content versions. */
    private boolean covered(String type, IncludeTree include, Set<String> owners) {
        Optional<ResourceRules<?>> rules = registry.find(type).map(found -> (ResourceRules<?>) found);
        if (rules.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, IncludeTree> path : include.children().entrySet()) {
            Optional<? extends Relationship<?>> relationship = rules.get().type().relationship(path.getKey());
            if (relationship.isEmpty()) {
                return false;
            }
            String target = relationship.get().targetType();
            if (registry.isLocal(target)) {
                if (!covered(target, path.getValue(), owners)) {
                    return false;
                }
            } else if (VERSIONED_OWNERS.contains(String.valueOf(ResourceOwners.ownerOf(target)))
                    && path.getValue().isEmpty()) {
                owners.add(ResourceOwners.ownerOf(target));
            } else {
                return false;
            }
        }
        return true;
    }
}
