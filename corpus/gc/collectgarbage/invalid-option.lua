-- collectgarbage checks its option: a string that names no option, including options of other
-- Lua versions, and a value that is not a string are argument errors.
local options = {"bogus", "", "Collect", "count ", "generational", "incremental", "countb"}
for _, option in ipairs(options) do
  print(string.format("%q", option), pcall(collectgarbage, option))
end
print(pcall(collectgarbage, 1))
print(pcall(collectgarbage, {}))
print(pcall(collectgarbage, true))
print(pcall(collectgarbage, "step", {}))
local ok, message = pcall(function() return collectgarbage("nope") end)
print(ok, message)
collectgarbage("stepp")
