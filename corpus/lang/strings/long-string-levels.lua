-- Long strings of different levels and with brackets inside.
print([=[a]]b]=], [==[]=]]==], [[ [x] ]])
local nested = [===[
level 3 with [[inner]] and ]==] too]===]
print(nested)
