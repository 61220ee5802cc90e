-- Numeric for with float steps accumulates by addition.
for x = 0, 1, 0.25 do print(x) end
for x = 1, 0, -0.5 do print('down', x) end
local n = 0
for _ = 0, 1, 0.1 do n = n + 1 end
print(n)
