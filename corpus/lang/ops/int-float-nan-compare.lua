-- Every ordered comparison with NaN is false, also against integers.
local nan = 0/0
print(1 < nan, 1 > nan, 1 <= nan, 1 >= nan, 1 == nan, 1 ~= nan)
print(nan < 1, nan > 1, nan <= 1, nan >= 1)
print(math.maxinteger < nan, math.mininteger > nan)
print(not (nan < 0), not (nan >= 0))
