-- Closures created in a loop share an upvalue from outside the loop.
local total = 0
local adders = {}
for i = 1, 4 do adders[i] = function() total = total + i end end
for _, f in ipairs(adders) do f() end
adders[4]()
print(total)
