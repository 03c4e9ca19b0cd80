-- Fluent Bit Lua filter: a Kubernetes JSON log record (--logging-format=json), merged by the kubernetes
-- filter under the key "klog" (merge_log_key klog, keep_log on), as a row of klog-ts's ClickHouse table
-- (@klog-ts/ingest/schema/clickhouse-logs.sql), for the http output in JSONEachRow. Mirrors what
-- `klog-ts convert --to clickhouse` writes; docs/ingestion.md#clickhouse says where the two differ.
--   filters: [{ name: lua, match: 'kube.*', script: klog-clickhouse-row.lua, call: klog_clickhouse_row,
--               type_array_key: 'namespaces kv.key kv.value' }]
-- A record that is no Kubernetes JSON log record (its line does not start with {"ts":, no number "ts",
-- no string "msg") is dropped: zap's production encoder, for one, writes "level" first.

local OWN_COLUMNS = { ts = true, msg = true, v = true, caller = true, logger = true, err = true }

-- The keys whose value is an object reference (DEFAULT_OBJECT_KEYS of @klog-ts/ingest; a test keeps them
-- equal), and their plurals, which hold lists of references.
local OBJECT_KEYS = {
  "apiService", "certificateSigningRequest", "claim", "clusterRole", "clusterRoleBinding", "configMap",
  "controllerRevision", "cronJob", "csiDriver", "csiNode", "customResourceDefinition", "daemonSet",
  "deployment", "endpointSlice", "endpoints", "event", "horizontalPodAutoscaler", "ingress", "ingressClass",
  "job", "lease", "limitRange", "mutatingWebhookConfiguration", "networkPolicy", "node", "object", "owner",
  "persistentVolume", "persistentVolumeClaim", "pod", "podDisruptionBudget", "podTemplate", "priorityClass",
  "pv", "pvc", "replicaSet", "replicationController", "resourceClaim", "resourceQuota", "role",
  "roleBinding", "runtimeClass", "secret", "service", "serviceAccount", "statefulSet", "storageClass",
  "validatingWebhookConfiguration", "volumeAttachment"
}
local REF_KEYS, LIST_KEYS = {}, {}
for _, key in ipairs(OBJECT_KEYS) do REF_KEYS[key] = true end
for _, key in ipairs(OBJECT_KEYS) do
  local plural
  if key:match("[^s]s$") then plural = nil
  elseif key:match("[^aeiou]y$") then plural = key:sub(1, -2) .. "ies"
  elseif key:match("s$") or key:match("x$") or key:match("ch$") or key:match("sh$") then plural = key .. "es"
  else plural = key .. "s" end
  if plural and not REF_KEYS[plural] then LIST_KEYS[plural] = true end
end

-- The shortest of %.15g, %.16g and %.17g that reads back as the same number, as JavaScript prints it.
local function number_text(n)
  if n == math.floor(n) and math.abs(n) < 2 ^ 53 then return string.format("%d", n) end
  local text
  for _, digits in ipairs({ 15, 16, 17 }) do
    text = string.format("%." .. digits .. "g", n)
    if tonumber(text) == n then break end
  end
  return (text:gsub("e([+-])0*(%d)", "e%1%2"))
end

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    local named = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t', ['\b'] = '\\b', ['\f'] = '\\f' }
    return named[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

-- A table read from JSON: an array when its keys are 1..n (an empty table is taken as an array).
local function is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do if t[i] == nil then return false end end
  return true
end

-- An object reference ({"name": ..., "namespace": ...}): its "ns/name" text, or nil.
local function ref_text(value)
  if type(value) ~= "table" or type(value.name) ~= "string" then return nil end
  for key, item in pairs(value) do
    if key ~= "name" and not (key == "namespace" and type(item) == "string") then return nil end
  end
  if value.namespace == nil or value.namespace == "" then return value.name end
  return value.namespace .. "/" .. value.name
end

local function json_text(value)
  local kind = type(value)
  if kind == "string" then return json_string(value) end
  if kind == "number" then return number_text(value) end
  if kind == "boolean" then return tostring(value) end
  if kind ~= "table" then return "null" end
  local parts = {}
  if is_array(value) then
    for _, item in ipairs(value) do parts[#parts + 1] = json_text(item) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  local keys = {}
  for key in pairs(value) do keys[#keys + 1] = key end
  table.sort(keys)
  for _, key in ipairs(keys) do parts[#parts + 1] = json_string(key) .. ":" .. json_text(value[key]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

-- A pair's value as klog-ts query compares it: a string as it is, the reference of an object key (or a list
-- of them under its plural) as klog prints it, anything else as JSON.
local function value_text(key, value)
  if type(value) == "string" then return value end
  local ref = REF_KEYS[key] and ref_text(value) or nil
  if ref ~= nil then return ref end
  if LIST_KEYS[key] and type(value) == "table" and is_array(value) and #value > 0 then
    local refs = {}
    for i, item in ipairs(value) do
      refs[i] = ref_text(item)
      if refs[i] == nil then return json_text(value) end
      refs[i] = json_string(refs[i])
    end
    return "[" .. table.concat(refs, ",") .. "]"
  end
  return json_text(value)
end

-- Every reference under a key (one under an object key, a list of them under its plural).
local function refs_of(key, value)
  if REF_KEYS[key] and ref_text(value) ~= nil then return { value } end
  local refs = {}
  if LIST_KEYS[key] and type(value) == "table" and is_array(value) then
    for _, item in ipairs(value) do
      if ref_text(item) == nil then return {} end
      refs[#refs + 1] = item
    end
  end
  return refs
end

function klog_clickhouse_row(tag, timestamp, record)
  local klog, line = record["klog"], record["log"]
  if type(line) == "string" and line:sub(1, 6) ~= '{"ts":' then return -1, timestamp, record end
  if type(klog) ~= "table" or type(klog.ts) ~= "number" or type(klog.msg) ~= "string" then return -1, timestamp, record end
  local pod = ref_text(klog.pod) ~= nil and klog.pod or nil
  local node = ref_text(klog.node) ~= nil and klog.node or nil
  local keys = {}
  for key in pairs(klog) do
    if not OWN_COLUMNS[key] and not (key == "pod" and pod) and not (key == "node" and node) then keys[#keys + 1] = key end
  end
  table.sort(keys)
  local kv_key, kv_value, namespaces, seen = {}, {}, {}, {}
  local function named(namespace)
    if not seen[namespace] then seen[namespace] = true; namespaces[#namespaces + 1] = namespace end
  end
  if type(klog.namespace) == "string" then named(klog.namespace) end
  local first_namespace = nil
  for key, value in pairs(klog) do
    for _, ref in ipairs(refs_of(key, value)) do
      named(ref.namespace or "")
      if first_namespace == nil and (ref.namespace or "") ~= "" then first_namespace = ref.namespace end
    end
  end
  for i, key in ipairs(keys) do
    kv_key[i] = key
    kv_value[i] = value_text(key, klog[key])
  end
  local namespace = ""
  if pod then namespace = pod.namespace or ""
  elseif type(klog.namespace) == "string" and klog.namespace ~= "" then namespace = klog.namespace
  elseif first_namespace then namespace = first_namespace end
  local row = {
    -- As text, so that the http output's number formatting cannot round it (ClickHouse reads it all the same).
    ts = number_text(klog.ts),
    severity = klog.v == nil and "E" or "I",
    verbosity = klog.v,
    message = klog.msg,
    caller = type(klog.caller) == "string" and klog.caller or "",
    logger = type(klog.logger) == "string" and klog.logger or "",
    namespace = namespace,
    pod = pod and pod.name or "",
    node = node and node.name or (type(klog.node) == "string" and klog.node or ""),
    namespaces = namespaces,
    err = type(klog.err) == "string" and klog.err or nil,
    ["kv.key"] = kv_key,
    ["kv.value"] = kv_value,
    unparsed = "",
  }
  return 2, timestamp, row
end
