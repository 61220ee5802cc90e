-- A deterministic dump of a table with integer, float and string keys.
local function dump(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    return a < b
  end)
  local out = {}
  for _, k in ipairs(keys) do
    out[#out + 1] = tostring(k) .. '(' .. (math.type(k) or type(k)) .. ')=' .. tostring(t[k])
  end
  return table.concat(out, ' ')
end
print(dump({1, 2, [3.0] = 3, [4.5] = 4.5, x = 'x', [-1] = 'neg', [2^53] = 'big'}))
print(dump({[1.0] = 'a', [2] = 'b', ['1'] = 'c'}))
