-- Weakness is decided by the letters 'k' and 'v' anywhere in a string __mode; other
-- characters are ignored, and a __mode that is not a string makes nothing weak.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local modes = {"k", "v", "kv", "vk", "", "x", "K", "V", "weak keys", "values", "vvvv", "__k",
  true, 1, {}}
for i, mode in ipairs(modes) do
  local t = setmetatable({}, {__mode = mode})
  local function fill()
    t[{}] = 1          -- weak key
    t[i] = {}          -- weak value
    t[{}] = {}         -- both
  end
  fill()
  collectgarbage()
  local shown = type(mode) == "string" and string.format("%q", mode) or type(mode)
  print(shown, count(t))
end
