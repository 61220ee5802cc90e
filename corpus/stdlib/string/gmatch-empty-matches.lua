-- An empty match right where the previous match ended is skipped.
local function collect(s, p)
  local out = ""
  for m in string.gmatch(s, p) do out = out .. "[" .. m .. "]" end
  return out
end
print(collect("one two", "%a*"))
print(collect("abc", ""))
print(collect("abc", "x*"))
print(collect("a,b,,c", "[^,]*"))
print(collect("aaa", "a-"))
for p in string.gmatch("abc", "()") do print(p) end
