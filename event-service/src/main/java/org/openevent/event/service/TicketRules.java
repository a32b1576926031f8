package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.Check;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.Ticket;

/**
 * Tickets: the resource itself (sales window, price, quantity, order limits). Hidden tickets exist only for the
 * people managing the event; names are unique among an event's live tickets. Orders and payments are not offered,
 * so their relationships are honestly empty.
 */
@ApplicationScoped
public class TicketRules implements ResourceRules<Ticket> {

    private static final String PAYMENTS = "Orders and payments are not offered by this platform.";

    static final ResourceType<Ticket> TYPE = ResourceType.define("ticket", "tickets", Ticket.class, Ticket::new)
            .string("name", t -> t.name, (t, v) -> t.name = v).required().notBlank()
            .text("description", t -> t.description, (t, v) -> t.description = v)
            .string("type", t -> t.type, (t, v) -> t.type = v).required().oneOf("free", "paid", "donation")
            .decimal("price", t -> t.price, (t, v) -> t.price = v).check(nonNegative())
            .decimal("minPrice", t -> t.minPrice, (t, v) -> t.minPrice = v).notNull().defaultTo(0.0)
            .check(nonNegative())
            .decimal("maxPrice", t -> t.maxPrice, (t, v) -> t.maxPrice = v).check(nonNegative())
            .integer("quantity", t -> t.quantity, (t, v) -> t.quantity = v).defaultTo(100).check(nonNegative())
            .bool("isDescriptionVisible", t -> t.isDescriptionVisible, (t, v) -> t.isDescriptionVisible = v)
            .notNull().defaultTo(false)
            .integer("position", t -> t.position, (t, v) -> t.position = v).defaultTo(1)
            .bool("isFeeAbsorbed", t -> t.isFeeAbsorbed, (t, v) -> t.isFeeAbsorbed = v).notNull().defaultTo(false)
            .datetime("salesStartsAt", t -> t.salesStartsAt, (t, v) -> t.salesStartsAt = v).required()
            .datetime("salesEndsAt", t -> t.salesEndsAt, (t, v) -> t.salesEndsAt = v).required()
            .bool("isHidden", t -> t.isHidden, (t, v) -> t.isHidden = v).notNull().defaultTo(false)
            .integer("minOrder", t -> t.minOrder, (t, v) -> t.minOrder = v).defaultTo(1).check(nonNegative())
            .integer("maxOrder", t -> t.maxOrder, (t, v) -> t.maxOrder = v).defaultTo(10).check(nonNegative())
            .bool("isCheckinRestricted", t -> t.isCheckinRestricted, (t, v) -> t.isCheckinRestricted = v).notNull()
            .defaultTo(true)
            .bool("autoCheckinEnabled", t -> t.autoCheckinEnabled, (t, v) -> t.autoCheckinEnabled = v).notNull()
            .defaultTo(false)
            .string("formId", t -> t.formId, (t, v) -> t.formId = v)
            .string("badgeId", t -> t.badgeId, (t, v) -> t.badgeId = v)
            .timestamps()
            .childOfEvent()
            .empty("ticket-tags", true, "ticket-tag", "Ticket tags are not offered.")
            .empty("discount-codes", true, "discount-code", PAYMENTS)
            .empty("access-codes", true, "access-code", PAYMENTS)
            .empty("attendees", true, "attendee", PAYMENTS)
            .empty("orders", true, "order", PAYMENTS)
            .empty("order-statistics", false, "order-statistics-ticket", PAYMENTS)
            .defaultOrder("x.position asc nulls last, x.id asc")
            .build();

    @Override
    public ResourceType<Ticket> type() {
        return TYPE;
    }

    /** Hidden tickets only for those who manage the event's tickets. */
    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        return access.isCoorganizer() ? null : alias + ".isHidden = false";
    }

    @Override
    public boolean canSee(Access access, Ticket ticket) {
        return !ticket.isHidden || access.isCoorganizer();
    }

    @Override
    public Uni<Void> validate(Access access, Ticket ticket, Changes<Ticket> changes) {
        if (!changes.has("name")) {
            return Uni.createFrom().voidItem();
        }
        return Ticket.count("eventId = ?1 and name = ?2 and deletedAt is null and id <> ?3", access.eventId(),
                changes.value("name"), ticket.id == null ? -1L : ticket.id).invoke(taken -> {
                    if (taken > 0) {
                        throw ApiException.conflict("/data/attributes/name", "Ticket already exists");
                    }
                }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, Ticket t, Changes<Ticket> changes) {
        if (!t.salesEndsAt.isAfter(t.salesStartsAt)) {
            throw ApiException.attribute("sales-ends-at", "sales-ends-at should be after sales-starts-at");
        }
        if (t.minOrder != null && t.maxOrder != null && t.maxOrder < t.minOrder) {
            throw ApiException.attribute("max-order", "max-order should be greater than or equal to min-order");
        }
        if (t.quantity != null) {
            if (t.quantity <= 0) {
                throw ApiException.attribute("quantity", "quantity should be greater than 0");
            }
            if (t.minOrder != null && t.quantity < t.minOrder) {
                throw ApiException.attribute("quantity", "quantity should be greater than or equal to min-order");
            }
            if (t.maxOrder != null && t.quantity < t.maxOrder) {
                throw ApiException.attribute("quantity", "quantity should be greater than or equal to max-order");
            }
        }
        if ("paid".equals(t.type) && (t.price == null || t.price <= 0)) {
            throw ApiException.attribute("price", "paid ticket price should be greater than 0");
        }
        if ("donation".equals(t.type) && t.maxPrice != null && t.minPrice > t.maxPrice) {
            throw ApiException.attribute("min-price", "minimum price should be lesser than or equal to maximum price");
        }
    }

    private static Check nonNegative() {
        return Check.atLeast(0);
    }
}
