-- Runs the Fluent Bit filter clickhouse/klog-clickhouse-row.lua outside Fluent Bit, as Fluent Bit would:
-- each stdin line (Kubernetes JSON) is decoded (JSON null dropped, as Fluent Bit's msgpack to Lua does),
-- merged under "klog" with the line kept as "log", filtered, and the row encoded as JSON (arrays for empty tables: type_array_key).
-- Usage: luajit run-lua-filter.lua FILTER.lua < lines
local cjson = require("cjson")
-- lua-cjson writes an empty table as {}; Fluent Bit's type_array_key writes these keys as arrays.
local ARRAY_KEYS = { "namespaces", "kv.key", "kv.value" }
local EMPTY = "\0empty array\0"

dofile(arg[1])

local function without_nulls(value)
  if value == cjson.null then return nil end
  if type(value) ~= "table" then return value end
  local copy = {}
  for key, item in pairs(value) do copy[key] = without_nulls(item) end
  return copy
end

for line in io.lines() do
  local code, _, row = klog_clickhouse_row("kube.test", 0, { klog = without_nulls(cjson.decode(line)), log = line })
  if code == -1 then print("DROPPED")
  else
    for _, key in ipairs(ARRAY_KEYS) do if next(row[key]) == nil then row[key] = EMPTY end end
    print((cjson.encode(row):gsub('"\\u0000empty array\\u0000"', "[]")))
  end
end
