-- Stateful iterators built from closures.
local function range(n, step)
  local i = 0
  return function()
    i = i + (step or 1)
    if i <= n then return i end
  end
end
for v in range(5) do print(v) end
for v in range(10, 4) do print('step', v) end
