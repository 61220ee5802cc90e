-- Dumping hash keys in a deterministic order by sorting them.
local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) < type(b)
  end)
  return keys
end
local t = {zeta = 1, alpha = 2, [3] = 'three', [1.5] = 'x', mid = 3, [-1] = 'neg', beta = true}
for _, k in ipairs(sorted_keys(t)) do print(k, t[k]) end
