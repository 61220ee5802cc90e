-- Record constructors with name and bracket keys.
local t = {x = 1, y = 2, ['z'] = 3, [1 + 1] = 'two', [true] = 'yes'}
print(t.x, t.y, t.z, t[2], t[true])
local key = 'dyn'
local u = {[key] = 'value', [key .. '2'] = 'value2'}
print(u.dyn, u.dyn2)
local v = {['with space'] = 1, ['end'] = 2}
print(v['with space'], v['end'])
