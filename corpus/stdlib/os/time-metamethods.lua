-- os.time reads and writes its table through __index and __newindex, in PUC's order.
local log = {}
local raw = {year = 2020, month = 2, day = 30, hour = 10}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get:" .. k return raw[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set:" .. k raw[k] = v end,
})
os.time(proxy)
print(table.concat(log, " "))
print(raw.month, raw.day, raw.wday, raw.yday)
local defaults = setmetatable({}, {__index = function(_, k) if k == "year" then return 2001 end return 1 end})
os.time(defaults)
print(rawget(defaults, "year"), rawget(defaults, "hour"), rawget(defaults, "isdst"))
