-- string.format with many arguments of mixed types.
print(string.format('%d %s %5.2f %x %q %g %c', 1, 'two', 3.14159, 255, 'q', 0.5, 65))
print(string.format('%3d|%-3d|%3s|%-3s|', 1, 2, 'a', 'b'))
print(string.format('%s=%d;', 'a', 1) .. string.format('%s=%d;', 'b', 2))
