-- The string library's functions, listed in sorted order.
local names = {}
for k, v in pairs(string) do names[#names + 1] = k .. ":" .. type(v) end
for i = 2, #names do
  local j = i
  while j > 1 and names[j] < names[j - 1] do
    names[j], names[j - 1] = names[j - 1], names[j]
    j = j - 1
  end
end
for i = 1, #names do print(names[i]) end
