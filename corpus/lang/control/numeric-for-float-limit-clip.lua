-- Float limits beyond the integer range are clipped for integer loops.
local n = 0
for i = math.maxinteger - 1, 1e100 do
  -- The limit becomes maxinteger, so (in 5.3.6) the counter wraps around.
  n = n + 1
  print(n, i)
  if n == 4 then break end
end
for i = 1, -math.huge do print('never') end
for i = 3, 2.5 do print('never either') end
for i = 1, 1.9999 do print('once', i) end
for i = -1, -math.huge, -1 do if i < -3 then break end print(i) end
for i = 1, 2^53 do if i > 2 then break end print('float limit', i, math.type(i)) end
for i = 0, -1e100, -1 do if i < -1 then break end print('neg clip', i) end
