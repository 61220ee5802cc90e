function f()
  if a then
    while b do
      for i = 1, 2 do
      end
    end
