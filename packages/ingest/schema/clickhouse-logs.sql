-- klog-ts's ClickHouse table: one row per log record, in the JSONEachRow shape that
-- `klog-ts convert --to clickhouse` writes (docs/ingestion.md#clickhouse). Sorted by namespace, pod and
-- time, so that "everything for this pod in this hour" reads one narrow range of the primary index.
-- It uses only what ClickHouse 18.16 (Debian 12's package) already has; the end-to-end test runs it there.
CREATE TABLE IF NOT EXISTS klog_logs
(
    ts         Float64,                     -- epoch milliseconds with a fraction, as Kubernetes' JSON "ts"
    time       DateTime MATERIALIZED toDateTime(intDiv(toInt64(ts), 1000)),
    severity   Enum8('' = 0, 'I' = 1, 'W' = 2, 'E' = 3, 'F' = 4),
    verbosity  Nullable(UInt32),            -- "v" of a JSON info record; NULL for errors and text records
    message    String,
    caller     String,                      -- file:line, '' when unknown
    logger     String,                      -- the logger's name (withName), '' without one
    namespace  String,                      -- the pod's namespace, or else the record's (see the docs)
    pod        String,                      -- the name of the "pod" reference, '' without one
    node       String,                      -- the name of the "node" reference, '' without one
    namespaces Array(String),               -- every namespace the record names: has(namespaces, 'x')
    err        Nullable(String),
    kv         Nested(key String, value String), -- every other pair, in order, values as text
    unparsed   String                       -- what the reader could not read, verbatim ('' for most)
)
ENGINE = MergeTree()
PARTITION BY toDate(time)
ORDER BY (namespace, pod, time)
