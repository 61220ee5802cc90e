x = a | b & c
y = a ~ b | c & d
z = a & b << c
