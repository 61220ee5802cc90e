t = {function() end, f = function(...) return ... end}
