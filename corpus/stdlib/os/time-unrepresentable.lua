-- A date whose time would be -1 (mktime's error value) cannot be represented, in any time zone.
local fields = os.date("*t", -1)
print(pcall(os.time, fields))
local before = os.date("*t", -2)
print(pcall(os.time, before))
print(os.time(os.date("*t", 0)), os.time(os.date("*t", -3)))
print(pcall(function() return os.time(os.date("*t", -1)) end))
