-- Measures: Lua patterns in string.gsub (string, table and function replacements),
-- string.find and string.match with captures and anchors, string.gmatch, and
-- string.format over the results: a log-parsing workload.
local lines = {}
local levels = { 'INFO', 'WARN', 'ERROR', 'DEBUG' }
for i = 1, 20000 do
  lines[i] = string.format('2026-11-%02d %02d:%02d:%02d [%s] user=%d path=/api/v%d/item/%d took=%dms',
    i % 28 + 1, i % 24, i % 60, (i * 7) % 60, levels[i % 4 + 1], i * 13 % 997, i % 3 + 1, i, i * 37 % 1000)
end
local counts, total, users = {}, 0, {}
for pass = 1, 6 do
  for i = 1, #lines do
    local line = lines[i]
    local date, level = line:match('^(%d+%-%d+%-%d+) %d+:%d+:%d+ %[(%u+)%]')
    counts[level] = (counts[level] or 0) + 1
    local ms = tonumber(line:match('took=(%d+)ms$'))
    total = total + ms
    local s, e, user = line:find('user=(%d+)', 1)
    users[user] = (users[user] or 0) + e - s
    if date:find('-11-0', 1, true) then total = total + 1 end
  end
end
local masked, n = 0, 0
local repl = { INFO = 'I', WARN = 'W', ERROR = 'E', DEBUG = 'D' }
for i = 1, #lines do
  local out, k = lines[i]:gsub('%d', '#')
  masked = masked + #out + k
  out = lines[i]:gsub('%[(%u+)%]', repl)
  out = out:gsub('(%w+)=(%w+)', function(key, value) n = n + 1; return value .. ':' .. key end)
  masked = masked + #out
end
local words = 0
for i = 1, #lines, 2 do
  for w in lines[i]:gmatch('%a+') do words = words + #w end
end
local keys = 0
for _ in pairs(users) do keys = keys + 1 end
print('string_patterns', counts.INFO, counts.ERROR, total, keys, masked, n, words)
