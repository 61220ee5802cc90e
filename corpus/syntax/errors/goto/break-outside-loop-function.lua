function f()
  break
end
