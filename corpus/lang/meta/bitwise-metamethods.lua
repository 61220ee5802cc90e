-- __band, __bor, __bxor, __shl, __shr and __bnot.
local function tag(name)
  return function(a, b)
    local function d(x) return type(x) == 'table' and 'T' or tostring(x) end
    return name .. ':' .. d(a) .. ',' .. d(b)
  end
end
local t = setmetatable({}, {__band = tag('band'), __bor = tag('bor'), __bxor = tag('bxor'),
  __shl = tag('shl'), __shr = tag('shr'), __bnot = tag('bnot')})
print(t & 1, 1 & t, t | 2, 2 | t)
print(t ~ 3, 3 ~ t, t << 4, 4 << t)
print(t >> 5, 5 >> t, ~t)
