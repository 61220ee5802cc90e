-- os.date("*t") and os.time are inverses in local time, whatever the time zone.
for _, t in ipairs({0, 86400 * 10, 1e9, 1234567890, 1600000000, 2^31 + 12345}) do
  local fields = os.date("*t", t)
  print(t, os.time(fields) == t, type(fields.isdst))
end
local d = os.date("*t", 1e9)
d.day = d.day + 40
local later = os.time(d)
-- Forty days later, give or take a change of daylight saving time.
print(math.abs(later - 1e9 - 40 * 86400) <= 3600, d.day <= 31)
