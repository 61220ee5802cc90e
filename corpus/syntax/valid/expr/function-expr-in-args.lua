f(function() end, function(a) return a end)
