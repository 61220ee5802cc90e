-- When a finalizer raises an error whose value is not a string (a table, nil, a boolean, even
-- a number), collectgarbage reports "error in __gc metamethod (no message)".
collectgarbage("stop")
local with_tostring = setmetatable({}, {__tostring = function() return "t" end})
local values = {{}, false, 42, 1.5, "string", with_tostring}
for i = 1, #values + 1 do
  local value = values[i]     -- nil for the last one
  local function make() setmetatable({}, {__gc = function() error(value) end}) end
  make()
  local ok, message = pcall(collectgarbage)
  print(i, type(value), ok, message)
end
