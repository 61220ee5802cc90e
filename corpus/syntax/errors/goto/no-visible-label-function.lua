function f()
  goto x
end
