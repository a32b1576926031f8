package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.openevent.common.resource.EventChildEntity;

/** A ticket of an event: what it costs, how many exist and when it is on sale (orders are not offered). */
@Entity
@Table(name = "ticket")
public class Ticket extends EventChildEntity {

    public String name;
    public String description;
    public String type;
    public Double price;
    @Column(name = "min_price")
    public Double minPrice;
    @Column(name = "max_price")
    public Double maxPrice;
    public Integer quantity;
    @Column(name = "is_description_visible")
    public boolean isDescriptionVisible;
    public Integer position;
    @Column(name = "is_fee_absorbed")
    public boolean isFeeAbsorbed;
    @Column(name = "sales_starts_at")
    public OffsetDateTime salesStartsAt;
    @Column(name = "sales_ends_at")
    public OffsetDateTime salesEndsAt;
    @Column(name = "is_hidden")
    public boolean isHidden;
    @Column(name = "min_order")
    public Integer minOrder;
    @Column(name = "max_order")
    public Integer maxOrder;
    @Column(name = "is_checkin_restricted")
    public boolean isCheckinRestricted;
    @Column(name = "auto_checkin_enabled")
    public boolean autoCheckinEnabled;
    @Column(name = "form_id")
    public String formId;
    @Column(name = "badge_id")
    public String badgeId;
}
