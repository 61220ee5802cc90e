function f(...)
  local a, b = ...
  return {...}, (...)
end
