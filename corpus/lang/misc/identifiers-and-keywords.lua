-- Identifiers close to keywords and keyword-named fields.
local _ = 1
local And, nOt, end_ = 'And', 'nOt', 'end_'
print(_, And, nOt, end_)
local t = {['end'] = 1, ['while'] = 2, ['nil'] = 3}
print(t['end'], t['while'], t['nil'])
local _x1, __, _ABC = 1, 2, 3
print(_x1 + __ + _ABC)
