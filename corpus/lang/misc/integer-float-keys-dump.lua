-- Integer and float keys merge when equal; the sorted dump shows subtypes.
local t = {}
for _, k in ipairs({1, 1.0, 2.5, 3, 3.0, 2^53, -0.0, 0}) do
  t[k] = (t[k] or 0) + 1
end
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(k, math.type(k), t[k]) end
