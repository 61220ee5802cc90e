-- Yields cross several nested pcalls at once, and an error after the resume is caught by
-- the innermost pcall only; the outer ones return normally.
local log = {}
local co = coroutine.wrap(function()
  local r1 = table.pack(pcall(function()
    local r2 = table.pack(pcall(function()
      local r3 = table.pack(pcall(function()
        local v = coroutine.yield("three deep")
        if v == "fail" then error("inner failure", 0) end
        return v
      end))
      log[#log + 1] = "r3 " .. tostring(r3[1]) .. " " .. tostring(r3[2])
      local v2 = coroutine.yield("two deep")
      return v2
    end))
    log[#log + 1] = "r2 " .. tostring(r2[1]) .. " " .. tostring(r2[2])
    return "one"
  end))
  log[#log + 1] = "r1 " .. tostring(r1[1]) .. " " .. tostring(r1[2])
  return "finished"
end)
print(co())
print(co("fail"))
print(co("second"))
print(table.concat(log, "\n"))
-- pcall(pcall, coroutine.yield, ...)
local w = coroutine.wrap(function(...) return pcall(pcall, coroutine.yield, ...) end)
print(w(1, 2))
print(w(3, 4))
