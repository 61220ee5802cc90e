-- Runtime errors inside metamethods report the metamethod's own line.
local mt = {}
mt.__add = function(a, b)
  local x = nil
  return x.field
end
mt.__concat = function(a, b)
  return a.missing .. b
end
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
print(pcall(function() return t .. 'x' end))
