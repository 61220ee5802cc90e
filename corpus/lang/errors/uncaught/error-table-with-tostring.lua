-- An uncaught error with a string message built from a table's __tostring.
local Err = setmetatable({code = 7}, {__tostring = function(e) return 'Err(' .. e.code .. ')' end})
local function fail() error(tostring(Err)) end
fail()
