-- xpcall passes the error message to the handler and returns its results.
print(xpcall(function() error('boom') end, function(m) return 'handled: ' .. m end))
print(xpcall(function() error({}) end, function(m) return type(m) end))
print(xpcall(function() local x = nil; return x.y end, function(m) return 'H', m end))
print(xpcall(function() return 'no error' end, function() return 'unused' end))
