-- Arithmetic with operands from upvalues, fields and calls.
local up = 6
local t = {a = 4, b = {c = 2}}
local function two() return 2 end
local function f()
  return up + t.a, up * t.b.c, t.a - two(), up // two() + t['a'], -t.b.c
end
print(f())
print(t.a ^ t.b.c, up % t.a, t.a .. up)
