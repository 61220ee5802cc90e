-- debug.getlocal and debug.setlocal: parameters of a function value, locals and temporaries of active levels, varargs by negative index, and their errors.
local function params(a, b, c, ...) local inner = 1 end
for i = -1, 4 do print(i, debug.getlocal(params, i)) end
print(debug.getlocal(print, 1), debug.getlocal(type, 1))
local function probe(p, q, ...)
  local loc = "local"
  for i = 1, 5 do
    print("local", i, debug.getlocal(1, i))
  end
  for i = -1, -4, -1 do
    print("vararg", i, debug.getlocal(1, i))
  end
  print(debug.setlocal(1, 1, "P"), debug.setlocal(1, 3, "L"), debug.setlocal(1, -2, "V"))
  print(debug.setlocal(1, 10, "none"), debug.setlocal(1, -5, "none"))
  print(p, q, loc, ...)
  local name, value = debug.getlocal(2, 1)
  return name, type(value)
end
local mainlocal = "main"
print(probe(1, nil, "v1", "v2", "v3"))
-- Loop control variables and temporaries have names in parentheses.
for i = 10, 10 do
  local names = {}
  local n = 1
  while true do
    local name = debug.getlocal(1, n)
    if not name then break end
    names[#names + 1] = name
    n = n + 1
  end
  print(table.concat(names, " "))
end
print(pcall(debug.getlocal))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, 1, "x"))
print(pcall(debug.getlocal, "x", 1))
print(pcall(debug.getlocal, 1.5, 1))
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.getlocal, -1, 1))
print(pcall(debug.getlocal, params))
print(pcall(function() return debug.getlocal(50, 1) end))
print(pcall(debug.setlocal))
print(pcall(debug.setlocal, 1))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.setlocal, 100, 1))
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, "x", 1, 1))
print(pcall(debug.setlocal, 1, {}, 1))
print(pcall(function() return debug.setlocal(1, 1) end))
print(pcall(function() return debug.setlocal(40, 1, 1) end))
local co = coroutine.create(function(x) local y = x coroutine.yield() end)
coroutine.resume(co, 5)
print(debug.getlocal(co, 0, 1))
print(pcall(debug.getlocal, co, 1, 1))
print(pcall(debug.getlocal, co, 0))
print(pcall(debug.setlocal, co, 0, 1))
print(pcall(debug.setlocal, co, 3, 1, 1))
print(debug.setlocal(co, 1, 2, "changed"), debug.getlocal(co, 1, 2))
print(debug.getlocal(co, params, 2))
