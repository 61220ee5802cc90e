-- Typical bit tricks with integers.
local a, b = 12345, 67890
a = a ~ b; b = a ~ b; a = a ~ b
print(a, b)
local function popcount(x)
  local n = 0
  while x ~= 0 do x = x & (x - 1); n = n + 1 end
  return n
end
print(popcount(0), popcount(255), popcount(-1), popcount(math.mininteger))
local function low_bit(x) return x & -x end
print(low_bit(12), low_bit(1 << 40), low_bit(math.mininteger))
print(string.format('%x %X %x', 0xdeadbeef & 0xffff, 0xabc, -1))
