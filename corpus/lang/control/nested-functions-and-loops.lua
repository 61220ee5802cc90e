-- Loops inside functions inside loops, with early returns.
local function first_multiple(list, k)
  for i, v in ipairs(list) do
    if v % k == 0 then return i, v end
  end
  return nil
end
for k = 2, 5 do print(k, first_multiple({7, 9, 10, 12, 25}, k)) end
