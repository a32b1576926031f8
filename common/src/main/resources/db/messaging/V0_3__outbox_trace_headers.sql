-- The trace context of the transaction that wrote a row (W3C traceparent, tracestate and baggage as a JSON object),
-- so the relay publishes the record in the same trace and consumers continue it. Null for rows written outside one.
ALTER TABLE outbox_message ADD COLUMN trace_headers text;
