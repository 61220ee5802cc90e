-- f"str", f'str', f[[str]] and f{...} call forms.
local function show(x) return type(x) == 'table' and ('table of ' .. #x) or ('[' .. x .. ']') end
print(show"double", show'single', show[[long]])
print(show{1, 2, 3}, show{})
local obj = {m = function(self, x) return show(x) end}
print(obj:m"method", obj:m{4, 5})
local function chain(a) return function(b) return a .. b end end
print(chain"x""y", chain'1''2')
