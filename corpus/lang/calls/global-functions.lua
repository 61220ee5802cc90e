-- Global function definitions and dotted names.
function gf(x) return x * 2 end
print(gf(21), _G.gf == gf)
lib = {sub = {}}
function lib.sub.f(x) return 'lib.sub.f ' .. x end
function lib.sub:m(x) return self == lib.sub, x end
print(lib.sub.f(1), lib.sub:m(2))
gf, lib = nil, nil
print(gf, lib)
