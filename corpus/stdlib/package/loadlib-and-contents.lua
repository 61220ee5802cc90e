-- package.loadlib's argument checks and failure shape, and the contents of package: config, paths, searchers, loaded, preload.
print(pcall(package.loadlib))
print(pcall(package.loadlib, "/nonexistent-dir/lib.so"))
print(pcall(package.loadlib, {}, "f"))
print(pcall(package.loadlib, "/nonexistent-dir/lib.so", {}))
print(pcall(function() return package.loadlib("x") end))
-- A library that cannot be loaded gives nil, a message and where it failed.
local r = table.pack(package.loadlib("/nonexistent-dir/lib.so", "luaopen_lib"))
print(r.n, r[1], type(r[2]), type(r[3]))
r = table.pack(package.loadlib("/nonexistent-dir/lib.so", "*"))
print(r.n, r[1], type(r[2]), type(r[3]))
print(string.format("%q", package.config))
print(type(package.path), type(package.cpath))
local keys = {}
for k in pairs(package) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
print(#package.searchers)
for i, s in ipairs(package.searchers) do print(i, type(s)) end
print(package.loaded._G == _G, package.loaded.package == package, package.loaded.string == string)
print(package.loaded.io == io, package.loaded.os == os, package.loaded.table == table, package.loaded.math == math)
print(package.loaded.coroutine == coroutine, package.loaded.utf8 == utf8, package.loaded.debug == debug)
print(type(package.preload), next(package.preload))
print(package.loaded["no such module"])
-- require and the searchers are functions; require is not in package.
print(type(require), package.require)
