-- rawequal, rawlen, rawget and rawset: metamethods bypassed, results, invalid keys, and every argument error.
local mt = {
  __index = function() return "meta" end,
  __newindex = function() error("no newindex expected") end,
  __len = function() return 99 end,
  __eq = function() return true end,
}
local t = setmetatable({10, 20, 30}, mt)
local u = setmetatable({}, mt)
print(rawget(t, 1), rawget(t, 4), t[4], rawget(t, "x"))
print(rawset(t, 4, 40) == t, rawget(t, 4), rawset(t, "k", "v").k)
print(rawset(t, 4, nil) == t, rawget(t, 4))
print(rawlen(t), #t, rawlen("abc"), rawlen(""), rawlen("a\0b"))
print(rawequal(t, u), t == u, rawequal(t, t), rawequal("a", "a"), rawequal(1, 1.0), rawequal(0, -0.0))
print(rawequal(nil, nil), rawequal(nil, false), rawequal(1, "1"), rawequal(0/0, 0/0))
print(rawget(t, 1.0), rawget(t, 2^53), rawget(t, nil), rawget(t, 0/0))
print(rawset(t, 2.0, "two")[2], rawset(t, 2^53, "big")[2^53])
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
print(pcall(function() rawset({}, nil, 1) end))
print(pcall(rawequal))
print(pcall(rawequal, 1))
print(pcall(rawequal, nil))
print(pcall(rawlen))
print(pcall(rawlen, 1))
print(pcall(rawlen, nil))
print(pcall(rawlen, io.stdout))
print(pcall(rawget))
print(pcall(rawget, {}))
print(pcall(rawget, "s", 1))
print(pcall(rawget, nil, 1))
print(pcall(rawset))
print(pcall(rawset, {}))
print(pcall(rawset, {}, 1))
print(pcall(rawset, 1, 1, 1))
print(pcall(rawset, "s", 1, 1))
print(pcall(function() return rawget(1) end))
print(pcall(function() return rawlen(true) end))
