-- Numeric strings are accepted as for bounds and become floats.
for i = '1', 3 do print(i, math.type(i)) end
for i = 1, '2' do print(i, math.type(i)) end
for i = 3, 1, '-1' do print(i, math.type(i)) end
