-- In 5.3 a zero step is not an error: this loop runs zero times.
local n = 0
for i = 1, 2, 0 do n = n + 1 end
print(n)
for i = 1.0, 2.0, 0.0 do n = n + 1 end
print(n)
