-- Harrier's helper for Lua scripts (on LUA_PATH, so `local harrier = require('harrier')` works):
-- prints ::{...}:: protocol lines that Harrier turns into task outputs, metrics and logs.
--
--   local harrier = require('harrier')
--   harrier.outputs({ rows = 42 })
--   harrier.counter('processed', 42, { source = 's3' })
local M = {}

local function escape(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\'
    elseif c == '\n' then return '\\n' elseif c == '\r' then return '\\r' elseif c == '\t' then return '\\t'
    else return string.format('\\u%04x', c:byte()) end
  end) .. '"'
end

-- A table whose keys are exactly 1..n is an array; any other table is an object (empty = object).
local function is_array(t)
  local n = #t
  if n == 0 then return false end
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

local function encode(v)
  local kind = type(v)
  if v == nil then return 'null'
  elseif kind == 'boolean' then return tostring(v)
  elseif kind == 'number' then
    if v ~= v or v == math.huge or v == -math.huge then return 'null' end
    if math.type and math.type(v) == 'integer' then return tostring(v) end
    return string.format('%.17g', v)
  elseif kind == 'string' then return escape(v)
  elseif kind == 'table' then
    local parts = {}
    if is_array(v) then
      for i = 1, #v do parts[i] = encode(v[i]) end
      return '[' .. table.concat(parts, ',') .. ']'
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for i, k in ipairs(keys) do
      local value = v[k]
      if value == nil then value = v[tonumber(k)] end
      parts[i] = escape(k) .. ':' .. encode(value)
    end
    return '{' .. table.concat(parts, ',') .. '}'
  end
  return escape(tostring(v))
end

M.encode = encode

local function send(json)
  io.stdout:write('::', json, '::\n')
  io.stdout:flush()
end

function M.outputs(values) send('{"outputs":' .. encode(values) .. '}') end

local function metric(name, kind, value, tags)
  send('{"metrics":[{"name":' .. escape(name) .. ',"type":"' .. kind .. '","value":' .. encode(value)
    .. ',"tags":' .. encode(tags or {}) .. '}]}')
end

function M.counter(name, value, tags) metric(name, 'counter', value, tags) end
function M.gauge(name, value, tags) metric(name, 'gauge', value, tags) end

-- Seconds, or a function whose elapsed time is recorded. Plain Lua has no wall clock finer than a
-- second, so the function form measures processor time (os.clock): exact for CPU-bound work only.
function M.timer(name, value, tags)
  if type(value) == 'function' then
    local start = os.clock()
    local result = value()
    metric(name, 'timer', os.clock() - start, tags)
    return result
  end
  metric(name, 'timer', value, tags)
end

function M.log(level, message)
  send('{"logs":[{"level":' .. escape(string.upper(level)) .. ',"message":' .. escape(tostring(message)) .. '}]}')
end

return M
