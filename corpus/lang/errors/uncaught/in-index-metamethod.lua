-- An uncaught error raised inside an __index metamethod.
local strict = setmetatable({}, {__index = function(t, k)
  error('undefined variable ' .. k, 2)
end})
local function use() return strict.undefined end
use()
