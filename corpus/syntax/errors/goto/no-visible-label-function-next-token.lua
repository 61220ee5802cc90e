local function f()
  goto x
end


print(1)
