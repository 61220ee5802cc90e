-- Closures stored in tables and called through fields.
local n = 0
local api = {
  inc = function() n = n + 1 end,
  get = function() return n end,
  reset = function() local old = n; n = 0; return old end,
}
api.inc(); api.inc(); api.inc()
print(api.get(), api.reset(), api.get())
