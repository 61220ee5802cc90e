-- An uncaught error raised by a generic-for iterator function.
local function items(t)
  local i = 0
  return function()
    i = i + 1
    if i > #t then error('iterator exhausted badly') end
    return t[i]
  end
end
for v in items({1, 2}) do print(v) end
