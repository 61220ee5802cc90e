-- Weak values are cleared in the array part of a table as well as in its hash part; the
-- cleared slots read as nil and can be filled again.
local weak = setmetatable({}, {__mode = "v"})
local keep = {}
local function fill()
  for i = 1, 8 do
    if i % 3 == 0 then weak[i] = keep else weak[i] = {i} end
  end
end
fill()
collectgarbage()
local shown = {}
for i = 1, 8 do shown[i] = weak[i] == nil and "nil" or weak[i] == keep and "keep" or "other" end
print(table.concat(shown, " "))
for i = 1, 8 do weak[i] = weak[i] or i * 10 end
collectgarbage()
for i = 1, 8 do shown[i] = tostring(weak[i] == keep or weak[i]) end
print(table.concat(shown, " "))
print(rawlen(weak), #weak)
