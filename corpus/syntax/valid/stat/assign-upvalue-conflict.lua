local t, k = {}, 1
local function f()
  k, t[k] = 2, 3
  t, t.x = nil, 1
end
