-- type() of every basic type.
print(type(nil), type(true), type(false), type(0), type(1.5))
print(type(''), type({}), type(print), type(function() end), type(type))
print(type(setmetatable({}, {__name = 'x'})), type(2^63), type('1'))
print(type(type(nil)))
