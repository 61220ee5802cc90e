do return end
x = 1
