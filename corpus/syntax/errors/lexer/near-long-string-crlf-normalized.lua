x = 1 [[
ab
cd]]
