-- An uncaught error from an anonymous function called immediately.
local result = (function(a, b)
  return a .. b
end)('x', 'y')
print(result)
;(function()
  local t = nil
  return t[1]
end)()
