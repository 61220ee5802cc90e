-- Measures: numeric for loops with integer and float arithmetic, while loops.
local N = 10000000
local isum, imix = 0, 0
for i = 1, N do
  isum = isum + i * 3 - (i // 7) + (i % 13)
  imix = (imix ~ i) & 0xffffff
end
local fsum = 0.0
for i = 1, N do
  fsum = fsum + i * 0.5 - i / 3.0
end
local x, n = 0.0, 0
while n < N do
  x = x * 0.999 + 1.5
  n = n + 1
end
local acc = 0
for i = N, 1, -3 do acc = acc + (i & 255) end
print('loops', isum, imix, string.format('%.6f', fsum), string.format('%.6f', x), acc)
