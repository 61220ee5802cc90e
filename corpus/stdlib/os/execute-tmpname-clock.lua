-- os.execute's results, os.tmpname's fresh files (renamed and removed), and os.clock's type.
print(os.execute())
print(os.execute("exit 0"))
print(os.execute("exit 3"))
print(os.execute("exit 255"))
print(os.execute("true"))
print(os.execute(nil))
local a, b = os.tmpname(), os.tmpname()
print(type(a), type(b), a ~= b)
local f = io.open(a, "r")
print(f ~= nil)
if f then f:close() end
local moved = a .. ".moved"
print(os.rename(a, moved))
print(io.open(a, "r") == nil, select(3, os.remove(a)))
print(os.remove(moved), os.remove(b))
print(io.open(moved, "r") == nil, select(3, os.rename(moved, a)))
local c1 = os.clock()
local x = 0
for i = 1, 100000 do x = x + i end
local c2 = os.clock()
print(math.type(c1), c1 >= 0, c2 >= c1, x)
