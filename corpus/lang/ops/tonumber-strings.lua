-- tonumber converts decimal and hexadecimal strings.
print(tonumber('10'), tonumber(' 10 '), tonumber('10.0'), tonumber('0x10'))
print(tonumber('0x1p4'), tonumber('1e2'), tonumber('.5'), tonumber('5.'))
print(tonumber(''), tonumber(' '), tonumber('abc'), tonumber('1 2'))
print(tonumber('0x'), tonumber('1e'), tonumber('- 1'), tonumber('-1'))
print(tonumber('  -0x10  '), tonumber('+5'), tonumber('\t\n12\v\f\r'))
print(tonumber('inf'), tonumber('nan'), tonumber('1e500'), tonumber('0x1P-1'))
