-- Integer modulo takes the sign of the divisor.
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(6 % 3, -6 % 3, 0 % 5, 5 % 1)
print(math.type(-7 % 3))
for i = -5, 5 do
  print(i, i % 4, i % -4)
end
