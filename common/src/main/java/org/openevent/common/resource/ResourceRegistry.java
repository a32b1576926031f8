package org.openevent.common.resource;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.query.Field;
import org.openevent.common.jsonapi.query.FilterCompiler;
import org.openevent.common.jsonapi.query.ResourceFields;

/** The resource types this service serves (every {@link ResourceRules} bean) and the projections it can query. */
@ApplicationScoped
public class ResourceRegistry implements ResourceType.FieldsResolver {

    private final Map<String, ResourceRules<?>> byType = new HashMap<>();
    private final Map<String, ResourceRules<?>> byCollection = new HashMap<>();
    private final Map<String, QueryableProjection> projections = new HashMap<>();
    private final Map<String, ResourceRules<?>> byUserRelation = new HashMap<>();

    public ResourceRegistry(@All List<ResourceRules<?>> rules, @All List<QueryableProjection> projections) {
        for (ResourceRules<?> rule : rules) {
            ResourceType<?> type = rule.type();
            if (byType.put(type.type(), rule) != null || byCollection.put(type.collection(), rule) != null) {
                throw new IllegalStateException("Resource type " + type.type() + " is declared twice");
            }
            type.userRelations().keySet().forEach(name -> {
                if (byUserRelation.put(name, rule) != null) {
                    throw new IllegalStateException("User relationship " + name + " is declared twice");
                }
            });
        }
        projections.forEach(projection -> this.projections.put(projection.fields().type(), projection));
    }

    /** The rules of a local type, if this service serves it. */
    @SuppressWarnings("unchecked")
    public <E extends ResourceEntity> Optional<ResourceRules<E>> find(String type) {
        return Optional.ofNullable((ResourceRules<E>) byType.get(type));
    }

    /** The rules of a local type; a 404 for a type this service does not serve. */
    public <E extends ResourceEntity> ResourceRules<E> rules(String type) {
        return this.<E>find(type).orElseThrow(() -> ApiException.notFound("Route"));
    }

    /** The local type served at {@code /v1/<collection>}, if any. */
    @SuppressWarnings("unchecked")
    public <E extends ResourceEntity> Optional<ResourceRules<E>> byCollection(String collection) {
        return Optional.ofNullable((ResourceRules<E>) byCollection.get(collection));
    }

    /** The local type listed at {@code /v1/users/<id>/<name>}, if any. */
    @SuppressWarnings("unchecked")
    public <E extends ResourceEntity> Optional<ResourceRules<E>> byUserRelation(String name) {
        return Optional.ofNullable((ResourceRules<E>) byUserRelation.get(name));
    }

    public boolean isLocal(String type) {
        return byType.containsKey(type);
    }

    /** Every local type, for documentation and tests. */
    public List<ResourceRules<?>> all() {
        return List.copyOf(byType.values());
    }

    @Override
    public ResourceFields fields(String type) {
        ResourceRules<?> rules = byType.get(type);
        if (rules != null) {
            return rules.type().fields(this);
        }
        QueryableProjection projection = projections.get(type);
        return projection == null ? null : projection.fields();
    }

    @Override
    public boolean knows(String type) {
        return byType.containsKey(type) || projections.containsKey(type);
    }

    @Override
    public boolean softDeleted(String type) {
        ResourceRules<?> rules = byType.get(type);
        if (rules != null) {
            return rules.type().softDelete();
        }
        QueryableProjection projection = projections.get(type);
        return projection != null && projection.softDeleted();
    }

    /** What this caller may see of each type inside filters: its rows, and the rows whose private values it may read. */
    public FilterCompiler.Restrictions restrictions(Access access) {
        return new FilterCompiler.Restrictions() {
            @Override
            public String condition(ResourceFields target, String alias, Function<Object, String> bind) {
                ResourceRules<?> rules = byType.get(target.type());
                return rules == null ? null : rules.visible(access, alias, bind);
            }

            @Override
            public String guard(ResourceFields target, Field field, String alias, Function<Object, String> bind) {
                ResourceRules<?> rules = byType.get(target.type());
                Attribute<?> attribute = rules == null ? null : rules.type().attribute(field.wireName()).orElse(null);
                // Fails closed: a guarded field of a type unknown here matches nothing.
                return attribute == null ? "1 = 0" : attribute.guard(access, alias, bind);
            }
        };
    }
}
