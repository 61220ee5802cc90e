-- %e, %E and %f, rounding as glibc's printf does (to nearest, ties to even).
local f = string.format
print(f("%f", 3.14159), f("%.2f", 2.675), f("%.0f", 0.5), f("%.0f", 1.5), f("%.0f", 2.5), f("%.1f", 0.25))
print(f("%e", 12345.6789), f("%.2e", 0.000123456), f("%E", 1e300), f("%.0e", 15), f("%.0e", 25))
print(f("%10.3f|%-10.3f|%010.3f", 3.14159, 3.14159, -3.14159))
print(f("%+.1f % .1f %+e", 1.25, 1.25, 0.0), f("%f %e", -0.0, -0.0))
print(f("%#.0f %#.0e", 3, 3), f("%.3f", 5), f("%f", "1e2"), f("%.20f", 0.1))
print(f("%.99f", 1/3):len(), #f("%.99f", 1e308), f("%5.1f", 1e15))
