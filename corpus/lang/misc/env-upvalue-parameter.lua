-- _ENV as a function parameter.
local function with_env(_ENV) return a + b end
print(with_env({a = 1, b = 2}), with_env({a = 10, b = 20}))
local function setter(_ENV, v) value = v end
local box = {}
setter(box, 'stored')
print(box.value, value)
