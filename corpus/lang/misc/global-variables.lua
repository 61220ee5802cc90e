-- Globals are fields of _G; unset globals are nil.
print(undefined_thing)
new_global = 'value'
print(_G.new_global, _G['new_global'])
_G.another = 5
print(another)
new_global = nil
print(new_global, rawget(_G, 'new_global'))
