-- Differences of os.time results count days, hours, minutes and seconds.
local function at(y, m, d, h, mi, s) return os.time({year = y, month = m, day = d, hour = h or 12, min = mi, sec = s}) end
print(at(2021, 1, 2) - at(2021, 1, 1))
print(at(2021, 1, 1, 13) - at(2021, 1, 1, 12))
print(at(2021, 1, 1, 12, 1) - at(2021, 1, 1, 12, 0))
print(at(2021, 1, 1, 12, 0, 1) - at(2021, 1, 1, 12, 0, 0))
print((at(2001, 1, 1) - at(2000, 1, 1)) / 86400, (at(2002, 1, 1) - at(2001, 1, 1)) / 86400)
print((at(2100, 3, 1) - at(2100, 2, 28)) / 86400, (at(2000, 3, 1) - at(2000, 2, 28)) / 86400)
print(os.difftime(at(2021, 1, 2), at(2021, 1, 1)), math.type(os.difftime(5, 3)))
print(os.difftime(10, 20), os.difftime(0, 0))
print(pcall(os.difftime, 1))
print(pcall(os.difftime, 1.5, 1))
print(math.type(os.time()), type(os.clock()), math.type(os.clock()))
