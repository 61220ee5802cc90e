-- A tail call leaves a '(...tail calls...)' marker in tracebacks.
local function inner()
  return debug.traceback('tb', 1)
end
local function outer() return inner() end
local tb = outer()
-- Print only the lines that belong to this chunk (the first four).
local line, n = '', 0
for i = 1, #tb do
  local c = tb:sub(i, i)
  if c == '\n' then
    print(line); n = n + 1; line = ''
    if n == 4 then break end
  else
    line = line .. c
  end
end
if n < 4 then print(line) end
