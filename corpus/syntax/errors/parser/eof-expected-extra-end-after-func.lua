local function f() end end
