-- A concatenation with many operands in one expression.
local x = 'x'
local s = x .. 1 .. x .. 2 .. x .. 3 .. x .. 4 .. x .. 5 .. x .. 6 .. x .. 7 .. x .. 8 .. x .. 9 .. x .. 10 ..
  x .. 11 .. x .. 12 .. x .. 13 .. x .. 14 .. x .. 15 .. x .. 16 .. x .. 17 .. x .. 18 .. x .. 19 .. x .. 20
print(s, #s)
local parts = {}
for i = 1, 200 do parts[i] = i % 10 end
print(#table.concat(parts), table.concat(parts):sub(1, 25))
