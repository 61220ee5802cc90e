local r = (function(x) return x * 2 end)(21)
