local f = function(x) return x end
g = function(...) end
