-- '#' after appending with t[#t+1].
local t = {}
for i = 1, 20 do t[#t + 1] = i * i end
print(#t, t[#t], t[1])
t[#t + 1] = 'last'
print(#t, t[#t])
