-- An uncaught error directly in the main chunk on a later line.
local total = 0
for i = 1, 5 do
  total = total + i
end
print(total)
local missing
total = total + missing
