-- Stateless iterators get their state and control variable each call.
local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
local function items(t) return iter, t, 0 end
for i, v in items({'x', 'y', 'z'}) do print(i, v) end
local function countdown(limit, cur) if cur > 0 then return cur - 1 end end
for v in countdown, nil, 4 do print(v) end
