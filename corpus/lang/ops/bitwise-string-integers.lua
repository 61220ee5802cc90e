-- Strings in bitwise operations must convert to integers.
print('0xff' & '0x0f', '10' | '5', '1.0' << '2')
print(pcall(function() return '1.5' | 0 end))
print(pcall(function() return 'abc' & 1 end))
print(pcall(function() return '1e100' ~ 1 end))
