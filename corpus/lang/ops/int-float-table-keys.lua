-- Integer and float keys with the same value are the same key.
local t = {}
t[1] = 'int'
print(t[1.0], t[1])
t[2.0] = 'float'
print(t[2], math.type(next({[2.0] = true})))
t[2^53] = 'big'
print(t[9007199254740992])
t[1.5] = 'frac'
print(t[1.5], t[1])
print(rawget(t, 1.0), rawget(t, 2))
