-- A read-only proxy built with __index and __newindex.
local function readonly(t)
  return setmetatable({}, {
    __index = t,
    __newindex = function(_, k) error('attempt to update a read-only table (key ' .. tostring(k) .. ')', 2) end,
  })
end
local days = readonly({'mon', 'tue', 'wed'})
print(days[1], days[3])
print(pcall(function() days[2] = 'x' end))
print(days[2])
