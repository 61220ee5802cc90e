f = function end
