-- A handler that raises an error itself.
print(xpcall(function() error('first') end, function(m) error('second') end))
print(xpcall(function() error('first') end, function(m) return nil .. m end))
