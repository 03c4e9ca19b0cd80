/** The CLI's help, one text per command. */
export const MAIN_HELP = `Usage: klog-ts <command> [flags] [files...]

Commands:
  convert --to json|text   convert klog text logs into Kubernetes JSON lines, and back
  convert --to clickhouse  rows for klog-ts's ClickHouse table (JSONEachRow)
  query                    print the records that match a filter (key, severity, time, V level)

Both read the files named, one after the other, or stdin (also "-"), in klog's text format,
Kubernetes' JSON format (--logging-format=json), or both mixed. Run "klog-ts <command> --help".

No entry is dropped: a line whose header parses is a record, and what cannot be read of it (a
truncated value, a key klog wrote raw) is kept verbatim under "unparsed", with the lines without a
header that follow it; the count is printed on stderr. Only a line without a header that belongs to
no record is reported. --strict reports every record that cannot be read whole, and drops it.

Exit status: 0 every record was read (some perhaps in part); 1 some lines could not be read (each is
reported on stderr with its line, and the rest are processed); 2 a usage mistake or an unreadable input.
`;

const INPUT_HELP = `Input:
  --from auto|text|json   the input format; auto (default) reads lines starting with "{" as JSON
  --year YYYY             the year of text headers (they have none); default: this year, or last
                          year for dates more than a day ahead
  --utc                   text header times are UTC (default: this machine's local time zone)
  --strict                validation: a record that cannot be read whole is an error (reported, and
                          left out), instead of a record with the rest under "unparsed"
  --max-errors N          report at most N unreadable records (default 100), then only their count
  -q, --quiet             no progress line and no summary on stderr
`;

export const CONVERT_HELP = `Usage: klog-ts convert --to json|text|clickhouse [flags] [files...]

Writes every record of the input in the other format to stdout: klog text (including the logs
of Kubernetes components) into Kubernetes JSON lines for log shippers, or JSON back into text;
or, from either, rows for the ClickHouse table of @klog-ts/ingest/schema/clickhouse-logs.sql:
  klog-ts convert --to clickhouse app.log | clickhouse-client --query "INSERT INTO klog_logs FORMAT JSONEachRow"

  --to json|text|clickhouse  the output format (required)

${INPUT_HELP}`;

export const QUERY_HELP = `Usage: klog-ts query [flags] [files...]

Prints the records that match every condition given.

  --where COND            repeatable; COND is one of
                            key=value   a pair, a field or a path equals value: pod=kube-system/coredns,
                                        pod.namespace=kube-system, msg="Pod created", v=2
                            key!=value  no such value;  key~regex  matches the regex (a list of
                                        references: one of them, as ns/name)
                            key>=n      a number compared (also >, <, <=);  key  the key is present
                          fields: msg err logger v severity caller pid unparsed; namespace=NS
                          also matches the namespace of every object reference (pod="NS/name")
  --min-severity S        info, warning, error or fatal (or I, W, E, F); JSON records are E
                          without "v" and I with it
  --since T, --until T    an ISO time (2024-03-07T09:00:00Z; without a zone, "2024-03-07 09:00" and
                          2024-03-07 are local time) or a duration back from now (90s, 15m, 1h30m, 2d)
  --v N                   keep what a component at -v=N prints: leave out records with "v" > N
  -o, --output FORMAT     raw (default: each record as read), text, json or table
  --count                 print only the number of matching records

${INPUT_HELP}`;
