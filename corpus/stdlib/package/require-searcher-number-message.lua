-- A searcher may return a number as its message: lua_isstring accepts numbers, so require adds them to "not found".
package.searchers = {
  function() return 42 end,
  function() return "\n\tstring" end,
  function() return 1.5 end,
  function() return true end,
}
print(pcall(require, "m"))
