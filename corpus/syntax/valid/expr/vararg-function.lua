local function f(...)
  local t = {..., n = select('#', ...)}
  return ...
end
