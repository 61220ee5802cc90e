-- The current date and time, checked only for their types and shapes.
print(type(os.date()), type(os.date("%c")), type(os.date("!%c")))
local now = os.date("*t")
local fields = {"year", "month", "day", "hour", "min", "sec", "wday", "yday"}
for _, k in ipairs(fields) do print(k, math.type(now[k])) end
print(type(now.isdst))
local t = os.time()
print(math.type(t), t > 1600000000, os.time(os.date("*t", t)) == t)
print(#os.date("!%Y-%m-%dT%H:%M:%SZ", t))
