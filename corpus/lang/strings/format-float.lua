-- %f, %5.2f, %.3f, %e and %g of floats and integers.
print(string.format('%5.2f|%.3f|%f', 3.14159, 2, 1/3))
print(string.format('%5.1f|%-8.2f|%08.3f', 2.25, -1.5, 3.14159))
print(string.format('%e|%.2e|%E', 12345.678, 0.000123, 1e100))
print(string.format('%g|%g|%g|%g', 1, 1.0, 0.0001, 1e20))
print(string.format('%g|%g|%g', 100000, 1000000, 1e-5))
print(string.format('%.3g|%10.4g|%-10g|', 3.14159265, 2/3, 1.5))
