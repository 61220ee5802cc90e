t = {x y}
