-- _G and _ENV start out as the same table.
print(_G == _ENV, _G._G == _G, type(_ENV))
x_global = 1
print(_G.x_global, _ENV.x_global, rawget(_G, 'x_global'))
_ENV.y_global = 2
print(y_global)
local _ENV = {_G = _G, print = _G.print}
print(_G.y_global, y_global)
