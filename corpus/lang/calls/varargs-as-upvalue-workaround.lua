-- Varargs cannot be upvalues; capturing them needs a table.
local function make(...)
  local args = {...}
  local n = select('#', ...)
  return function() return n, table.unpack(args, 1, n) end
end
print(make(1, nil, 3)())
print(make()())
