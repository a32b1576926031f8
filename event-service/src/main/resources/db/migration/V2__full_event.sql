-- The event as the Open Event Frontend reads and writes it: every attribute of the original that this platform
-- can own. Payments are not offered: their flags and texts are stored (the wizard sends them) but drive nothing.
ALTER TABLE event DROP CONSTRAINT event_range_check;
ALTER TABLE event ADD CONSTRAINT event_range_check CHECK (ends_at > starts_at);
ALTER TABLE event ALTER COLUMN name TYPE text;
ALTER TABLE event ALTER COLUMN location_name TYPE text;

ALTER TABLE event
    ADD COLUMN online                      boolean     NOT NULL DEFAULT false,
    ADD COLUMN logo_url                    text,
    ADD COLUMN searchable_location_name    text,
    ADD COLUMN public_stream_link          text,
    ADD COLUMN stream_loop                 boolean     NOT NULL DEFAULT false,
    ADD COLUMN stream_autoplay             boolean     NOT NULL DEFAULT false,
    ADD COLUMN after_order_message         text,
    ADD COLUMN original_image_url          text,
    ADD COLUMN thumbnail_image_url         text,
    ADD COLUMN large_image_url             text,
    ADD COLUMN icon_image_url              text,
    ADD COLUMN show_remaining_tickets      boolean     NOT NULL DEFAULT false,
    ADD COLUMN owner_name                  text,
    ADD COLUMN is_map_shown                boolean,
    ADD COLUMN is_oneclick_signup_enabled  boolean,
    ADD COLUMN has_owner_info              boolean,
    ADD COLUMN owner_description           text,
    ADD COLUMN is_sessions_speakers_enabled boolean    NOT NULL DEFAULT false,
    ADD COLUMN privacy                     varchar(16) NOT NULL DEFAULT 'public',
    ADD COLUMN ticket_url                  text,
    ADD COLUMN code_of_conduct             text,
    ADD COLUMN schedule_published_on       timestamptz,
    ADD COLUMN is_featured                 boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_promoted                 boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_demoted                  boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_announced                boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_ticket_form_enabled      boolean     NOT NULL DEFAULT true,
    ADD COLUMN is_cfs_enabled              boolean     NOT NULL DEFAULT false,
    ADD COLUMN payment_country             text,
    ADD COLUMN payment_currency            text,
    ADD COLUMN paypal_email                text,
    ADD COLUMN is_tax_enabled              boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_billing_info_mandatory   boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_donation_enabled         boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_chat_enabled             boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_videoroom_enabled        boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_document_enabled         boolean     NOT NULL DEFAULT false,
    ADD COLUMN document_links              jsonb,
    ADD COLUMN chat_room_name              text,
    ADD COLUMN can_pay_by_paypal           boolean     NOT NULL DEFAULT false,
    ADD COLUMN can_pay_by_stripe           boolean     NOT NULL DEFAULT false,
    ADD COLUMN can_pay_by_cheque           boolean     NOT NULL DEFAULT false,
    ADD COLUMN can_pay_by_bank             boolean     NOT NULL DEFAULT false,
    ADD COLUMN can_pay_by_invoice          boolean     NOT NULL DEFAULT false,
    ADD COLUMN can_pay_onsite              boolean     NOT NULL DEFAULT false,
    ADD COLUMN can_pay_by_omise            boolean     NOT NULL DEFAULT false,
    ADD COLUMN can_pay_by_alipay           boolean     NOT NULL DEFAULT false,
    ADD COLUMN can_pay_by_paytm            boolean     NOT NULL DEFAULT false,
    ADD COLUMN cheque_details              text,
    ADD COLUMN invoice_details             text,
    ADD COLUMN bank_details                text,
    ADD COLUMN onsite_details              text,
    ADD COLUMN is_sponsors_enabled         boolean     NOT NULL DEFAULT false,
    ADD COLUMN refund_policy               text,
    ADD COLUMN is_badges_enabled           boolean     NOT NULL DEFAULT false,
    ADD COLUMN event_type_id               bigint,
    ADD COLUMN event_topic_id              bigint,
    ADD COLUMN event_sub_topic_id          bigint,
    ADD COLUMN group_id                    bigint;

CREATE INDEX event_listing ON event (state, privacy, ends_at) WHERE deleted_at IS NULL;

-- Every role of the original, one row per (event, user, role).
ALTER TABLE event_role DROP CONSTRAINT event_role_unique;
ALTER TABLE event_role DROP CONSTRAINT event_role_check;
ALTER TABLE event_role ALTER COLUMN role TYPE varchar(32);
ALTER TABLE event_role ADD CONSTRAINT event_role_unique UNIQUE (event_id, user_id, role);
ALTER TABLE event_role ADD CONSTRAINT event_role_check CHECK (role IN
    ('owner', 'organizer', 'coorganizer', 'track_organizer', 'moderator', 'registrar'));
