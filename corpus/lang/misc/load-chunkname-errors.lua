-- Errors in loaded chunks carry their chunk names.
local f = load('local t = nil\nreturn t.x', '=mychunk')
print(pcall(f))
f = load('error("boom")', '@virtual/file.lua')
print(pcall(f))
f = load('return nil + 1')
print(pcall(f))
f = load('return 1 .. {}', 'a string name')
print(pcall(f))
