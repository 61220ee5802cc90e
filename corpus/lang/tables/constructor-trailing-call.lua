-- A call in the last position expands to all its results.
local function three() return 1, 2, 3 end
local function none() end
local t = {three()}
print(#t, t[1], t[3])
t = {three(), three()}
print(#t, table.concat(t, ','))
t = {(three())}
print(#t)
t = {three(), 'end'}
print(#t, t[1], t[2])
t = {none()}
print(#t, next(t))
t = {0, none()}
print(#t)
