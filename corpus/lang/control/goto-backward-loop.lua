-- A loop written with a backward goto.
local i = 1
local out = {}
::again::
out[#out + 1] = i
i = i * 2
if i < 100 then goto again end
print(table.concat(out, ' '))
