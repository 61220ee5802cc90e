-- Negative zero prints as -0.0 and equals 0.
print(-0.0, 0.0, 0.0 * -1)
print(-0.0 == 0.0, -0.0 == 0, 1 / -0.0)
print(-0.0 .. '', tostring(-0.0))
print(0 * -1, math.type(0 * -1))
print(-0.0 + 0, -0.0 - 0.0, -0.0 * -0.0)
local t = {}
t[-0.0] = 'neg'
print(t[0], t[0.0])
