-- require's "module 'x' not found" message built from every searcher, and the errors for bad package.path, package.cpath and package.searchers.
package.path = "/nonexistent-dir/?.lua;/nonexistent-dir/?/init.lua"
package.cpath = "/nonexistent-dir/?.so;/nonexistent-dir/lib?.so"
print(pcall(require, "nosuchmod"))
print(pcall(require, "no.such.mod"))
print(pcall(function() return require("a.b") end))
package.path = ""
package.cpath = ";;"
print(pcall(require, "x"))
package.path = nil
print(pcall(require, "x"))
package.path = {}
print(pcall(require, "x"))
package.path = "/nonexistent-dir/?.lua"
package.cpath = false
print(pcall(require, "x"))
-- package.cpath is consulted only by the C searchers, so a module found before them needs no cpath.
package.preload.x = function() return "preloaded" end
print(require("x"))
package.cpath = "/nonexistent-dir/?.so"
local searchers = package.searchers
package.searchers = nil
print(pcall(require, "z"))
package.searchers = "searchers"
print(pcall(require, "z"))
package.searchers = searchers
print(#package.searchers)
