-- Formatting rounding and precision edge cases.
print(string.format('%.0f %.0f %.0f %.0f', 0.5, 1.5, 2.5, -0.5))
print(string.format('%.1f %.2f %.10f', 0.05, 0.005, 1/3))
print(string.format('%5.1f|%5.0f|%.3f', -0.0, 99.5, 1e-10))
print(string.format('%.14g|%.17g|%.1g', 0.1, 0.1, 0.15))
