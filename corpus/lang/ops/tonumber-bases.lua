-- tonumber with an explicit base from 2 to 36.
print(tonumber('10', 2), tonumber('10', 8), tonumber('10', 16), tonumber('10', 36))
print(tonumber('z', 36), tonumber('Z', 36), tonumber('ff', 16), tonumber('FF', 16))
print(tonumber('777', 8), tonumber('8', 8), tonumber('1e1', 10), tonumber('1.5', 10))
print(tonumber(' 11 ', 2), tonumber('-11', 2), tonumber('', 10), tonumber('0x10', 16))
for base = 2, 36, 5 do
  print(base, tonumber('11', base))
end
