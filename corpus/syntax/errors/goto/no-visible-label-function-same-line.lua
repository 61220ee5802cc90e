local f = function() goto l end x = 1
