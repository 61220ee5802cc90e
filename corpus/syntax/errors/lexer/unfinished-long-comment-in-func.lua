function f()
  --[[ never closed
end
