-- The handler receives the raw error value.
print(xpcall(function() error(42) end, function(m) return math.type(m), m end))
print(xpcall(function() error() end, function(m) return m == nil end))
print(xpcall(function() error(true) end, function(m) return not m end))
