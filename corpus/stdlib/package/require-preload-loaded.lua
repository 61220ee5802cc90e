-- require through package.preload and package.loaded: loader arguments, caching, nil/false results, and require's own argument check.
package.preload.counter = function(...)
  print("loading counter", select("#", ...), ...)
  return {value = 1}
end
local c = require("counter")
print(c.value, require("counter") == c, package.loaded.counter == c)
print(select("#", require("counter")))
-- A loader that returns nothing makes require return true.
package.preload.empty = function() end
print(require("empty"), package.loaded.empty)
-- A loader may fill package.loaded itself.
package.preload.self = function(name) package.loaded[name] = "set by loader" end
print(require("self"))
-- A non-nil result wins over what the loader stored.
package.preload.both = function(name) package.loaded[name] = "stored" return "returned" end
print(require("both"))
-- A false result is stored and returned; since false is not a loaded module, the loader runs again.
local runs = 0
package.preload.no = function() runs = runs + 1 return false end
print(require("no"), package.loaded.no, runs)
print(require("no"), runs)
-- A preset package.loaded entry is returned without any search.
package.loaded.preset = {"preset"}
print(require("preset")[1])
package.loaded.zero = 0
print(require("zero"))
-- Module names are strings; numbers are converted.
package.preload["42"] = function(name) return "module " .. name .. " " .. math.type(42) end
print(require(42))
print(pcall(require))
print(pcall(require, {}))
print(pcall(require, nil))
print(pcall(function() return require(true) end))
-- Errors inside a loader propagate unchanged.
package.preload.broken = function() error("broken module") end
print(pcall(require, "broken"))
package.preload.broken2 = function() error({code = 7}) end
print(select(2, pcall(require, "broken2")).code)
print(package.loaded.broken, package.loaded.broken2)
-- require uses the package table it was created with, even if the global is replaced.
local pkg = package
package = nil
pkg.preload.later = function() return "still found" end
print(require("later"))
package = pkg
