-- Library functions that call metamethods from C cannot be continued, so a yield inside
-- those metamethods fails: tostring with __tostring, string.format's %s, __pairs, and
-- ipairs, table.concat and table.unpack through __index. (print is left out: the harness
-- replaces it with a host function that reports the error in its own format.)
local function yields() return coroutine.yield("tried") end
local ts = setmetatable({}, {__tostring = yields})
local pr = setmetatable({}, {__pairs = yields})
local ix = setmetatable({}, {__index = yields, __len = function() return 2 end})
local co = coroutine.create(function()
  print("tostring", pcall(tostring, ts))
  print("format", pcall(string.format, "%s", ts))
  print("pairs", pcall(pairs, pr))
  print("ipairs", pcall(function() for i, v in ipairs(ix) do end end))
  print("concat", pcall(table.concat, ix))
  print("unpack", pcall(table.unpack, ix, 1, 2))
  -- the same metamethods can yield when the VM calls them: indexing directly
  local v = ix[1]
  return "direct index gave", v
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resumed value"))
