-- return must be the last statement; 'do return end' works anywhere.
local function f(x)
  if x == 1 then return 'one' end
  do return 'early' end
  return 'unreached'
end
print(f(1), f(2))
local function g() for i = 1, 10 do if i == 4 then return i end end return 'none' end
print(g())
