-- __index receives keys of every type unchanged.
local seen = {}
local t = setmetatable({}, {__index = function(_, k)
  seen[#seen + 1] = type(k) .. (math.type(k) and ('/' .. math.type(k)) or '')
end})
local _ = t[1], t[1.5], t.s, t[true], t[t], t[2.0]
print(table.concat(seen, ' '))
