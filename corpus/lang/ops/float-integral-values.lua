-- Integral floats print with '.0'; huge ones switch to exponent form.
for _, v in ipairs({1.0, 10.0, 1e5, 1e10, 1e13, 1e14, 1e15, 1e16, 1e17}) do
  print(v, math.type(v))
end
print(-1.0, -1e15, -1e16)
print(2^52, 2^53 - 1, 2^53 + 1)
