-- An __index function that uses rawget on a backing table.
local backing = {a = 1}
local proxy = setmetatable({}, {__index = function(_, k)
  local v = rawget(backing, k)
  if v == nil then return 'default' end
  return v
end})
print(proxy.a, proxy.b)
