-- Numeric for with default and explicit steps.
for i = 1, 3 do print('a', i) end
for i = 3, 1, -1 do print('b', i) end
for i = 1, 10, 4 do print('c', i) end
for i = 1, 0 do print('never', i) end
for i = 5, 5 do print('once', i) end
