-- Strings, numbers, booleans and light C functions are values, not objects: a weak table never
-- removes them, as keys or as values, even when nothing else refers to them.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local weak = setmetatable({}, {__mode = "kv"})
local function fill()
  weak[string.rep("k", 40) .. 1] = string.rep("long value ", 10)
  weak["short"] = "s" .. 1
  weak[1] = 2
  weak[2.5] = -0.5
  weak[true] = false
  weak[math.maxinteger] = math.mininteger
  weak[print] = "a light C function as a key"
  weak.sum = 1 + 2^60
end
fill()
collectgarbage()
collectgarbage()
print(count(weak))
print(weak[string.rep("k", 40) .. 1] == string.rep("long value ", 10))
print(weak.short, weak[1], weak[2.5], weak[true], weak[math.maxinteger], weak[print], weak.sum)
local keys = {}
for k in pairs(weak) do keys[#keys + 1] = type(k) end
table.sort(keys)
print(table.concat(keys, " "))
