-- A malformed pattern raised from inside a gmatch loop.
local function words(s, p)
  local n = 0
  for _ in s:gmatch(p) do n = n + 1 end
  return n
end
print(words("a b c", "%a+"))
print(words("a b c", "[%a"))
