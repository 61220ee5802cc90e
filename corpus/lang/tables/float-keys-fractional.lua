-- Non-integral float keys stay distinct from integers.
local t = {}
t[1.5] = 'x'; t[1] = 'one'; t[2^63] = 'huge'; t[-2^63] = 'neg'
print(t[1.5], t[1], t[2^63], t[math.mininteger], t[math.maxinteger])
print(rawget(t, 1.5), rawget(t, 1.0))
