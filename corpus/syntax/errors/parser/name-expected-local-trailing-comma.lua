local x, = 1
