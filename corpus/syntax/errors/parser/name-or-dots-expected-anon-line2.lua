g = function(a,
  nil) end
