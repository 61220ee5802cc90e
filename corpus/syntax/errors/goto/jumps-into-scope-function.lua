function f()
  goto skip
  local y
  ::skip::
  return y
end
