function f(...)
  return function()
    local t = {...}
  end
end
