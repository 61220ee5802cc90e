-- An uncaught error whose value is nil.
local function f() error() end
print('about to fail')
f()
