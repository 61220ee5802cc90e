-- __newindex as a table redirects new keys.
local store = {}
local t = setmetatable({existing = 1}, {__newindex = store})
t.existing = 2
t.new = 'n'
print(t.existing, t.new, store.new, store.existing)
