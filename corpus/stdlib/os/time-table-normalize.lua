-- os.time normalises the fields of its table argument in place, as mktime does.
local t = {year = 2021, month = 1, day = 32, hour = 25, min = 61, sec = -1}
local before = os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
t = {year = 2020, month = 14, day = 0}
os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday)
t = {year = 2021, month = -1, day = 15, hour = -30}
os.time(t)
print(t.year, t.month, t.day, t.hour)
t = {year = 2000, month = 2, day = 29, hour = 12}
print(os.time(t) == os.time({year = 2000, month = 3, day = 0, hour = 12}))
t = {year = "2010", month = 1.0, day = "3"}
os.time(t)
print(t.year, t.month, t.day, math.type(t.year))
