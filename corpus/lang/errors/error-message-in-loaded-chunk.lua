-- Errors in loaded chunks use the chunk name.
print(pcall(load('local x = nil; return x.y', '=custom')))
print(pcall(load('error("raised")', '@file.lua')))
print(pcall(load('return 1 + {}')))
print(pcall(load('\n\nerror("line three")', 'name')))
