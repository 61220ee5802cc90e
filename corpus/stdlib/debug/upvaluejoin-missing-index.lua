-- debug.upvaluejoin with no 4th argument: checkupval leaves the first upvalue's value on the stack, so that value is read as the index.
local n, s = 1, "text"
local function f() return n, s end
local function g() return s end
-- f's upvalue 1 holds 1, which becomes g's upvalue index: f's upvalue 1 is joined to g's.
print(pcall(debug.upvaluejoin, f, 1, g))
print(f())
print(debug.upvalueid(g, 1) == debug.upvalueid(f, 1))
-- f's upvalue 2 holds a string that is no number.
print(pcall(debug.upvaluejoin, f, 2, g))
-- An upvalue holding 7 names an upvalue g does not have.
local seven = 7
local function h() return seven end
print(pcall(debug.upvaluejoin, h, 1, g))
-- With only two arguments, index 3 holds the value and index 4 is empty.
print(pcall(debug.upvaluejoin, h, 1))
