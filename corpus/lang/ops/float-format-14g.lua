-- Floats are printed with %.14g, always keeping a '.0' or exponent.
print(1e15, 1e16, 1e14, 123456789012345.0)
print(2^53, 2^63, 2^24)
print(0.1, 1/3, 2/3, 100.0, -100.0)
print(1e100, 1e-5, 1e-100, 5e-324)
print(3.14159265358979, 1.5, 1e300 * 1e300)
print(123456.0, 1234567890.0, 0.1 + 0.2)
