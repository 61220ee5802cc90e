-- package.path and package.cpath may be numbers: findfile reads them with lua_tostring, which converts numbers.
package.path = 12
package.cpath = 3.5
print(pcall(require, "y"))
package.path = "/nonexistent-dir/?.lua"
print(pcall(require, "y.z"))
print(type(package.path), type(package.cpath))
