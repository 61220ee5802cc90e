-- A generic for ends when the first value is nil, not false.
local seq = {1, false, 2}
local function iter(t, i)
  i = i + 1
  if i <= 3 then return i, t[i] end
end
for i, v in iter, seq, 0 do print(i, v) end
local function first_false()
  local done = false
  return function() if not done then done = true; return false end end
end
for v in first_false() do print('got', v) end
