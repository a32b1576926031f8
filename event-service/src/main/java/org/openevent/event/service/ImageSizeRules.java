package org.openevent.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.EventImageSize;
import org.openevent.event.domain.SpeakerImageSize;

/**
 * The two image-size singletons: public to read, changed by admins only, never created or deleted. Sizes are
 * non-negative, qualities percentages, as the original validates them.
 */
public final class ImageSizeRules {

    private static final int MAX_PIXELS = 10_000;

    private ImageSizeRules() {
    }

    /** {@code event-image-size}, id 1. */
    @ApplicationScoped
    public static class EventSizes implements ResourceRules<EventImageSize> {

        static final ResourceType<EventImageSize> TYPE = ResourceType.define("event-image-size", "event-image-sizes",
                        EventImageSize.class, EventImageSize::new)
                .string("type", s -> s.type, (s, v) -> s.type = v)
                .integer("fullWidth", s -> s.fullWidth, (s, v) -> s.fullWidth = v).range(0, MAX_PIXELS)
                .integer("fullHeight", s -> s.fullHeight, (s, v) -> s.fullHeight = v).range(0, MAX_PIXELS)
                .bool("fullAspect", s -> s.fullAspect, (s, v) -> s.fullAspect = v).notNull()
                .integer("fullQuality", s -> s.fullQuality, (s, v) -> s.fullQuality = v).range(0, 100)
                .integer("iconWidth", s -> s.iconWidth, (s, v) -> s.iconWidth = v).range(0, MAX_PIXELS)
                .integer("iconHeight", s -> s.iconHeight, (s, v) -> s.iconHeight = v).range(0, MAX_PIXELS)
                .bool("iconAspect", s -> s.iconAspect, (s, v) -> s.iconAspect = v).notNull()
                .integer("iconQuality", s -> s.iconQuality, (s, v) -> s.iconQuality = v).range(0, 100)
                .integer("thumbnailWidth", s -> s.thumbnailWidth, (s, v) -> s.thumbnailWidth = v).range(0, MAX_PIXELS)
                .integer("thumbnailHeight", s -> s.thumbnailHeight, (s, v) -> s.thumbnailHeight = v)
                .range(0, MAX_PIXELS)
                .bool("thumbnailAspect", s -> s.thumbnailAspect, (s, v) -> s.thumbnailAspect = v).notNull()
                .integer("thumbnailQuality", s -> s.thumbnailQuality, (s, v) -> s.thumbnailQuality = v).range(0, 100)
                .integer("logoWidth", s -> s.logoWidth, (s, v) -> s.logoWidth = v).range(0, MAX_PIXELS)
                .integer("logoHeight", s -> s.logoHeight, (s, v) -> s.logoHeight = v).range(0, MAX_PIXELS)
                .hardDelete()
                .build();

        @Override
        public ResourceType<EventImageSize> type() {
            return TYPE;
        }

        @Override
        public void checkCreate(Access access, Changes<EventImageSize> changes) {
            throw singleton();
        }

        @Override
        public void checkDelete(Access access, EventImageSize size) {
            throw singleton();
        }
    }

    /** {@code speaker-image-size}, id 2. */
    @ApplicationScoped
    public static class SpeakerSizes implements ResourceRules<SpeakerImageSize> {

        static final ResourceType<SpeakerImageSize> TYPE = ResourceType.define("speaker-image-size",
                        "speaker-image-sizes", SpeakerImageSize.class, SpeakerImageSize::new)
                .string("type", s -> s.type, (s, v) -> s.type = v)
                .integer("smallSizeWidthHeight", s -> s.smallSizeWidthHeight, (s, v) -> s.smallSizeWidthHeight = v)
                .range(0, MAX_PIXELS)
                .integer("smallSizeQuality", s -> s.smallSizeQuality, (s, v) -> s.smallSizeQuality = v).range(0, 100)
                .integer("thumbnailSizeWidthHeight", s -> s.thumbnailSizeWidthHeight,
                        (s, v) -> s.thumbnailSizeWidthHeight = v).range(0, MAX_PIXELS)
                .integer("thumbnailSizeQuality", s -> s.thumbnailSizeQuality, (s, v) -> s.thumbnailSizeQuality = v)
                .range(0, 100)
                .integer("iconSizeWidthHeight", s -> s.iconSizeWidthHeight, (s, v) -> s.iconSizeWidthHeight = v)
                .range(0, MAX_PIXELS)
                .integer("iconSizeQuality", s -> s.iconSizeQuality, (s, v) -> s.iconSizeQuality = v).range(0, 100)
                .hardDelete()
                .build();

        @Override
        public ResourceType<SpeakerImageSize> type() {
            return TYPE;
        }

        @Override
        public void checkCreate(Access access, Changes<SpeakerImageSize> changes) {
            throw singleton();
        }

        @Override
        public void checkDelete(Access access, SpeakerImageSize size) {
            throw singleton();
        }
    }

    static ApiException singleton() {
        return ApiException.forbidden("This resource is a singleton: it can only be read and changed.");
    }
}
