-- 'not' around comparisons and comparisons of negations.
local a, b = 3, 4
print(not (a < b), not (a > b), not (a == b), not (a ~= b))
-- 'not' binds tighter than '<': this compares a boolean with a number.
print(pcall(function() return not a < b end))
local nan = 0/0
print(not (nan < 1) == (nan >= 1))
if not (a >= b) then print('a < b') end
while not (a >= b) do a = a + 1 end
print(a)
