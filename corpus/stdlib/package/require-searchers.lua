-- Custom entries of package.searchers: messages, ignored results, extra loader data, order, and the searchers called directly.
local original = {}
for i, s in ipairs(package.searchers) do original[i] = s end
local calls = {}
package.searchers = {
  function(name) calls[#calls + 1] = "first " .. name return "\n\tfirst says no" end,
  function(name) calls[#calls + 1] = "second " .. name return nil end,
  function(name) calls[#calls + 1] = "third " .. name return {} end,
  function(name) calls[#calls + 1] = "fourth " .. name return true, "ignored" end,
  function(name)
    calls[#calls + 1] = "fifth " .. name
    if name == "found" then
      return function(...) print("loader args", select("#", ...), ...) return "loaded " .. name end, "extra"
    end
    return "\n\tfifth says no"
  end,
}
print(pcall(require, "missing"))
print(table.concat(calls, ", "))
calls = {}
print(require("found"))
print(table.concat(calls, ", "))
-- A searcher's error propagates.
package.searchers = {function(name) error("searcher failed for " .. name) end}
print(pcall(require, "boom"))
package.searchers = {function() return nil end}
print(pcall(require, "silent"))
package.searchers = {}
print(pcall(require, "none"))
-- Searchers are read with raw access: holes end the list and __index is not consulted.
package.searchers = setmetatable({}, {__index = function() return function() return "\n\tfrom __index" end end})
print(pcall(require, "raw"))
package.searchers = {function() return "\n\tone" end, nil, function() return "\n\tthree" end}
print(pcall(require, "hole"))
package.searchers = original
-- The standard searchers called directly.
package.preload.direct = print
print(original[1]("direct") == print, original[1]("nodirect"))
package.path = "/nonexistent-dir/?.lua"
package.cpath = "/nonexistent-dir/?.so"
print(original[2]("m.n"))
print(original[3]("m.n"))
print(original[4]("m.n"))
print(select("#", original[4]("m")))
for i = 1, 4 do
  local searcher = original[i]
  print(i, pcall(searcher))
  print(i, pcall(searcher, {}))
end
print(pcall(function() return original[2]() end))
