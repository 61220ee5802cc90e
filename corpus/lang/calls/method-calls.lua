-- obj:m(...) passes obj as self.
local obj = {name = 'box', n = 0}
function obj:add(k) self.n = self.n + k; return self end
function obj.plain(self, k) return self.name .. k end
obj:add(1):add(2):add(3)
print(obj.n, obj:plain('!'), obj.plain(obj, '?'))
local s = {v = 'string method'}
function s.get(self) return self.v end
print(s:get())
