-- tostring of nil, booleans and special numbers.
print(tostring(nil), tostring(true), tostring(false))
print(tostring(-0.0), tostring(0.0), tostring(1e308 * 10), tostring(-1e308 * 10))
print(tostring(123), tostring(1.25), tostring('str'))
print(tostring(math.maxinteger), tostring(math.mininteger))
