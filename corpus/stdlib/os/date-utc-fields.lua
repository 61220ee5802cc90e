-- os.date("!*t") breaks a time down in UTC, with weekday and day of the year.
local function show(t)
  return string.format("%d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d isdst=%s",
    t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, tostring(t.isdst))
end
for _, t in ipairs({0, 1, 86399, 86400, 951782400, 951868800, 1e9, 1234567890, 2^31, -1, -86400 * 365, 4102444800}) do
  print(t, show(os.date("!*t", t)))
end
local keys = {}
for k in pairs(os.date("!*t", 0)) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
