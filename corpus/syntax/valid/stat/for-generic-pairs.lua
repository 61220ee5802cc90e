for k, v in pairs(t) do x = k end
