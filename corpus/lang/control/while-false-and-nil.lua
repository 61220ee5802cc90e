-- Loops whose condition is false or nil from the start.
local n = 0
while nil do n = n + 1 end
while false do n = n + 1 end
repeat n = n + 1 until 1
print(n)
