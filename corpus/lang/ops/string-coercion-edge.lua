-- Edge cases of converting strings in arithmetic.
print('0x1p4' + 0, '0x.1' + 0, '1e+2' + 0, '-0' + 0, '-0.0' + 0)
print('9223372036854775807' + 0, '9223372036854775808' + 0)
print('0xffffffffffffffff' + 0, '  0x10\n' + 0)
print(pcall(function() return '1e' + 0 end))
print(pcall(function() return '0x' + 0 end))
print(pcall(function() return '' + 0 end))
