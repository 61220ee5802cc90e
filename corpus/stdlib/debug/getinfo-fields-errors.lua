-- debug.getinfo: every option's fields for Lua, C and main functions and for stack levels, out-of-range levels, and its argument errors.
local function fields(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do
    local v = t[k]
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    out[#out + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(out, " ")
end
local up = 1
local function f(a, b, ...)
  local x = up
  return x
end
print(fields(debug.getinfo(f)))
print(fields(debug.getinfo(f, "S")))
print(fields(debug.getinfo(f, "l")))
print(fields(debug.getinfo(f, "u")))
print(fields(debug.getinfo(f, "n")))
print(fields(debug.getinfo(f, "t")))
print(fields(debug.getinfo(f, "f")), debug.getinfo(f, "f").func == f)
print(fields(debug.getinfo(f, "")))
local lines = {}
for l in pairs(debug.getinfo(f, "L").activelines) do lines[#lines + 1] = l end
table.sort(lines)
print(table.concat(lines, " "))
print(fields(debug.getinfo(type)))
print(debug.getinfo(type, "L").activelines)
print(fields(debug.getinfo(1, "Slnu")))
local function level(n) return debug.getinfo(n, "nSlt") end
print(fields(level(1)))
print(fields(level(2)))
local function tail() return level(1) end
print(fields(tail()))
print(debug.getinfo(100), debug.getinfo(-1))
print(fields(debug.getinfo(0, "nS")))
print(fields(debug.getinfo(2.0, "S")))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo, 1.5))
print(pcall(debug.getinfo, 1, {}))
print(pcall(debug.getinfo, 1, "X"))
print(pcall(debug.getinfo, f, "Sq"))
print(pcall(function() return debug.getinfo(1, "z") end))
local co = coroutine.create(function() end)
print(pcall(debug.getinfo, co))
print(pcall(debug.getinfo, co, "x"))
print(pcall(debug.getinfo, co, 0, "?"))
print(pcall(debug.getinfo, co, f, "!"))
print(fields(debug.getinfo(co, f, "u")))
print(debug.getinfo(co, 0))
