-- debug.traceback as a message handler (only the first three lines printed).
local ok, tb = xpcall(function() local t; return t.x end, debug.traceback)
print(ok)
local line, n = '', 0
for i = 1, #tb do
  local c = tb:sub(i, i)
  if c == '\n' then
    print(line); n = n + 1; line = ''
    if n == 3 then break end
  else
    line = line .. c
  end
end
