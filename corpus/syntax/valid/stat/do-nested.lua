do do do x = 1 end end end
