-- A proxy that logs every read and write.
local function track(t)
  local log = {}
  local proxy = setmetatable({}, {
    __index = function(_, k) log[#log + 1] = 'r:' .. k; return t[k] end,
    __newindex = function(_, k, v) log[#log + 1] = 'w:' .. k; t[k] = v end,
  })
  return proxy, log
end
local p, log = track({a = 1})
p.b = p.a + 1
p.a = p.b * 2
print(p.a, p.b, table.concat(log, ' '))
