s = [[
line 1
line 2

line 4
]]
x = 1
