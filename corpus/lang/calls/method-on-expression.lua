-- Method calls on the result of expressions.
local function make() return {v = 7, get = function(self) return self.v end} end
print(make():get())
print(({v = 9, get = function(self) return self.v * 2 end}):get())
print(('%d-%d'):format(1, 2), ('ab'):rep(2, ','))
local t = {inner = {x = 5, f = function(self, a) return self.x + a end}}
print(t.inner:f(10), t['inner']:f(1))
