-- A function whose body declares its own _ENV.
local function sandboxed()
  local _ENV = {print = print, tostring = tostring}
  answer = 42
  print(answer, tostring(_G))
  return _ENV
end
local env = sandboxed()
print(env.answer, answer)
