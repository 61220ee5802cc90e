-- Floor division and modulo with extreme integer operands.
local max, min = math.maxinteger, math.mininteger
print(max // min, min // max, max % min, min % max)
print(max // -1, max % -1, max // max, min // min)
print(max % 2, min % 2, max // 2, min // -2)
print(max % -2, min % -2, 1 // min, -1 // min)
print(5 // max, -5 // max, 5 % max, -5 % max)
