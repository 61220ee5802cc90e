local function f(a, b, 'c') end
