-- %i is accepted like %d; %a gives hexadecimal floats.
print(string.format('%i|%5i|%-5i|', 5, 5, 5))
print(string.format('%a|%a|%a', 1, 0.5, -2.5))
print(string.format('%A', 255.5))
