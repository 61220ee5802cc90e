-- Decimal, hexadecimal and Unicode escapes.
print('\65\066\x43\u{44}')
print('\x41\x62\x63', '\u{48}\u{49}', '\097\98c')
print(#'\u{7F}', #'\u{80}', #'\u{800}', #'\u{10000}', #'\u{10FFFF}')
print(('\u{E9}'):byte(1, -1))
print(('\u{20AC}'):byte(1, -1))
