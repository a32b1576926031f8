-- The image-size settings: one row each (event images id 1, speaker images id 2, as the original numbers them),
-- seeded with the original's values (the speaker thumbnail quality is null there too, by a typo we keep).
CREATE TABLE event_image_size (
    id                bigint PRIMARY KEY CHECK (id = 1),
    type              text,
    full_width        integer,
    full_height       integer,
    full_aspect       boolean NOT NULL DEFAULT false,
    full_quality      integer,
    icon_width        integer,
    icon_height       integer,
    icon_aspect       boolean NOT NULL DEFAULT false,
    icon_quality      integer,
    thumbnail_width   integer,
    thumbnail_height  integer,
    thumbnail_aspect  boolean NOT NULL DEFAULT false,
    thumbnail_quality integer,
    logo_width        integer,
    logo_height       integer,
    version           bigint      NOT NULL,
    created_at        timestamptz NOT NULL,
    deleted_at        timestamptz
);
INSERT INTO event_image_size VALUES (1, 'event-image', 1300, 500, true, 80, 75, 30, true, 80, 500, 200, true, 80,
                                     500, 200, 1, now(), NULL);

CREATE TABLE speaker_image_size (
    id                          bigint PRIMARY KEY CHECK (id = 2),
    type                        text,
    small_size_width_height     integer,
    small_size_quality          integer,
    thumbnail_size_width_height integer,
    thumbnail_size_quality      integer,
    icon_size_width_height      integer,
    icon_size_quality           integer,
    version                     bigint      NOT NULL,
    created_at                  timestamptz NOT NULL,
    deleted_at                  timestamptz
);
INSERT INTO speaker_image_size VALUES (2, 'speaker-image', 50, 80, 500, NULL, 35, 80, 1, now(), NULL);
