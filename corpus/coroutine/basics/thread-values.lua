-- Threads are first-class values: type "thread", usable as table keys, compared by identity,
-- and tostring gives "thread: " followed by an address (only the prefix is printed).
local a = coroutine.create(function() end)
local b = coroutine.create(function() end)
print(type(a), a == a, a == b, a ~= b)
print(tostring(a):sub(1, 8), tostring(a) == tostring(a), tostring(a) == tostring(b))
local names = {}
names[a], names[b] = "a", "b"
print(names[a], names[b])
coroutine.resume(a)
print(names[a], coroutine.status(a))
print(rawequal(a, a), rawequal(a, b))
print(getmetatable(a))
print(pcall(function() return a < b end))
print(pcall(function() return #a end))
print(pcall(function() return a.x end))
