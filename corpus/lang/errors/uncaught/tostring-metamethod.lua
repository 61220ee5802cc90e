-- An uncaught error raised by tostring on a bad __tostring.
local obj = setmetatable({}, {__tostring = function() return false end})
local function describe(o) return 'obj=' .. tostring(o) end
describe(obj)
